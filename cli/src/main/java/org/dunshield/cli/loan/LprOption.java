package org.dunshield.cli.loan;

import java.nio.file.Path;
import org.dunshield.core.loan.LprTable;
import picocli.CommandLine.Option;

/** {@code --lpr FILE}: an updated one-year LPR history instead of the bundled one. */
final class LprOption {
  @Option(names = "--lpr", paramLabel = "FILE",
      description = "LPR history (TAB-separated DATE and PERCENT per line) instead of the bundled one.")
  Path file;

  LprTable table() {
    return file == null ? LprTable.bundled() : LprTable.load(file);
  }
}
