package org.dunshield.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the shared sample files (../shared/samples from the project root) from any working directory. */
final class Samples {
  private Samples() {}

  static Path file(String name) {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path candidate = dir.resolve("shared").resolve("samples").resolve(name);
      if (Files.exists(candidate)) {
        return candidate;
      }
      Path sibling = dir.resolveSibling("shared").resolve("samples").resolve(name);
      if (Files.exists(sibling)) {
        return sibling;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException("shared/samples/" + name + " not found above " + Path.of("").toAbsolutePath());
  }
}
