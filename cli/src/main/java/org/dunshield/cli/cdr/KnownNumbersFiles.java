package org.dunshield.cli.cdr;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.dunshield.core.carrier.CdrFormatException;
import org.dunshield.core.carrier.E164;
import org.dunshield.core.carrier.KnownNumbers;

/**
 * The allowlist (one E.164 number a line, {@code #} comments) and complaint counts (CSV
 * {@code number,complaints}, e.g. exported from the reputation store) for {@code cdr analyze}.
 */
final class KnownNumbersFiles {
  private KnownNumbersFiles() {}

  static KnownNumbers read(Path allowlist, Path complaints) throws IOException {
    Set<Long> allowed = new HashSet<>();
    Map<Long, Integer> counts = new HashMap<>();
    if (allowlist != null) {
      lines(allowlist, (line, f) -> {
        if (f.length != 1) {
          throw new CdrFormatException(allowlist.toString(), line, null, "expected one number a line");
        }
        allowed.add(number(allowlist, line, f[0]));
      });
    }
    if (complaints != null) {
      lines(complaints, (line, f) -> {
        if (f.length != 2) {
          throw new CdrFormatException(complaints.toString(), line, null, "expected number,complaints");
        }
        try {
          counts.merge(number(complaints, line, f[0]), Integer.parseInt(f[1].strip()), Integer::sum);
        } catch (NumberFormatException e) {
          throw new CdrFormatException(complaints.toString(), line, "complaints", "'" + f[1] + "' is not a whole number");
        }
      });
    }
    return allowed.isEmpty() && counts.isEmpty() ? KnownNumbers.none() : KnownNumbers.of(allowed, counts);
  }

  private interface Line {
    void accept(long line, String[] fields);
  }

  private static void lines(Path file, Line each) throws IOException {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String s;
      long line = 0;
      while ((s = in.readLine()) != null) {
        line++;
        String t = s.strip();
        if (t.isEmpty() || t.startsWith("#") || (line == 1 && t.startsWith("number"))) {
          continue;
        }
        each.accept(line, t.split(","));
      }
    }
  }

  private static long number(Path file, long line, String s) {
    long n = E164.parse(s.strip(), 0, s.strip().length());
    if (n < 0) {
      throw new CdrFormatException(file.toString(), line, "number", "'" + s + "' is not an E.164 number");
    }
    return n;
  }
}
