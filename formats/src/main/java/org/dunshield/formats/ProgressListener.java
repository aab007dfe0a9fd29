package org.dunshield.formats;

/**
 * Told how far a reader has got, so a command line can draw a progress bar. Called on the thread
 * that calls {@link RecordReader#next()}, at most about once per mebibyte of input and once at the
 * end; it must be quick and must not throw.
 */
@FunctionalInterface
public interface ProgressListener {
  /** A listener that ignores progress. */
  ProgressListener NONE = (bytesRead, totalBytes) -> { };

  /**
   * @param bytesRead bytes of the file consumed so far
   * @param totalBytes the file's size, or -1 when unknown
   */
  void progress(long bytesRead, long totalBytes);
}
