package org.dunshield.core.reputation.seed;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.dunshield.core.screen.Category;

/**
 * FTC Do-Not-Call complaint subjects and the categories they map to, from the versioned data file
 * {@code ftc-subjects.tsv} ({@code subject<TAB>category}; subjects compare case-insensitively after
 * trimming). A subject the table does not know maps to {@code robocall} when the complaint says
 * the call was a recorded message, else to {@code marketing}. Immutable and thread-safe.
 */
final class FtcSubjects {
  private static final FtcSubjects DEFAULT = load();

  private final Map<String, Category> bySubject;

  private FtcSubjects(Map<String, Category> bySubject) {
    this.bySubject = Map.copyOf(bySubject);
  }

  static FtcSubjects defaults() {
    return DEFAULT;
  }

  private static FtcSubjects load() {
    try (InputStream in = FtcSubjects.class.getResourceAsStream("ftc-subjects.tsv")) {
      if (in == null) {
        throw new IllegalStateException("ftc-subjects.tsv missing from the classpath");
      }
      Map<String, Category> map = new HashMap<>();
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      int lineNo = 0;
      while ((line = reader.readLine()) != null) {
        lineNo++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        if (f.length != 2) {
          throw new IllegalStateException("ftc-subjects.tsv line " + lineNo + ": expected subject<TAB>category");
        }
        map.put(normalise(f[0]), Category.fromCode(f[1]));
      }
      return new FtcSubjects(map);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Category categoryOf(String subject, boolean recordedMessage) {
    Category c = bySubject.get(normalise(subject));
    if (c != null) {
      return c;
    }
    return recordedMessage ? Category.ROBOCALL : Category.MARKETING;
  }

  private static String normalise(String subject) {
    return subject == null ? "" : subject.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
  }
}
