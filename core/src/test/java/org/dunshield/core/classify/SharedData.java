package org.dunshield.core.classify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/** The corpus of {@code shared/data}, found by walking up from the working directory; read once. */
final class SharedData {
  private static List<Sample> samples;

  private SharedData() {}

  static Path directory() {
    Path dir = Corpus.locate(Path.of(""));
    if (dir == null) {
      throw new IllegalStateException("no shared/data folder above " + Path.of("").toAbsolutePath()
          + ": the classifier tests need the data sets (see docs/detection.md)");
    }
    return dir;
  }

  static synchronized List<Sample> samples() {
    if (samples == null) {
      try {
        samples = Corpus.read(directory());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return samples;
  }

  static List<Sample> heldOut(String source) {
    return samples().stream().filter(s -> s.heldOut() && s.source().equals(source)).toList();
  }
}
