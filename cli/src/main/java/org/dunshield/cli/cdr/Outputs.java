package org.dunshield.cli.cdr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writing outputs whole or not at all: a temporary file beside the target, moved into place. */
final class Outputs {
  private Outputs() {}

  static Path temporaryBeside(Path target) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw new IllegalArgumentException(target + ": the directory does not exist");
    }
    return Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
  }

  static void commit(Path tmp, Path target) throws IOException {
    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
