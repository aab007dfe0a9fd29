package org.dunshield.cli;

import java.io.PrintStream;
import org.dunshield.formats.ProgressListener;

/** A one-line progress bar on stderr, drawn only when a person is watching a terminal. */
final class ProgressBar implements ProgressListener {
  private final PrintStream err;
  private final String label;
  private int lastPercent = -1;

  private ProgressBar(PrintStream err, String label) {
    this.err = err;
    this.label = label;
  }

  /** A bar for {@code label}, or {@link ProgressListener#NONE} when stderr is not a terminal. */
  static ProgressListener forTerminal(String label) {
    return System.console() == null ? ProgressListener.NONE : new ProgressBar(System.err, label);
  }

  @Override
  public void progress(long bytesRead, long totalBytes) {
    if (totalBytes <= 0) {
      return;
    }
    int percent = (int) Math.min(100, bytesRead * 100 / totalBytes);
    if (percent == lastPercent) {
      return;
    }
    lastPercent = percent;
    int filled = percent * 30 / 100;
    err.print("\r" + label + " [" + "#".repeat(filled) + " ".repeat(30 - filled) + "] " + percent + "%");
    if (percent == 100) {
      err.println();
    }
    err.flush();
  }
}
