package org.dunshield.formats;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the shared sample files by walking up from the working directory to {@code shared/samples}. */
public final class Samples {
  private Samples() {}

  public static Path path(String name) {
    Path dir = Path.of("").toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      Path candidate = d.resolve("shared").resolve("samples").resolve(name);
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("no shared/samples/" + name + " above " + dir);
  }
}
