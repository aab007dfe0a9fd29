package org.dunshield.server.reputation;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.dunshield.core.reputation.Reputations;
import org.dunshield.core.reputation.offline.Publication;
import org.dunshield.core.reputation.privacy.RangeIndex;

/**
 * Publishes the reputation: builds a {@link Publication} now, writes it as
 * {@code <dir>/<version>.dsnap}, keeps the snapshots of the last {@code keep} period (so clients can
 * fetch deltas from them), and holds the current publication and its range index for the API.
 * Thread-safe: {@link #publish()} is serialised; readers see the previous publication until the next
 * one is complete.
 */
public final class Publisher {
  private static final String SUFFIX = ".dsnap";

  /** The current publication and what is derived from it. */
  public record Current(Publication publication, RangeIndex range, Path file) {}

  private final Reputations reputations;
  private final Path dir;
  private final Clock clock;
  private final int rangeMinimum;
  private final Duration keep;
  private volatile Current current;

  public Publisher(Reputations reputations, Path dir, Clock clock, int rangeMinimum, Duration keep) {
    this.reputations = reputations;
    this.dir = dir;
    this.clock = clock;
    this.rangeMinimum = rangeMinimum;
    this.keep = keep;
  }

  /** Publishes the reputation as it is now and prunes old snapshots. */
  public synchronized Current publish() {
    Current previous = current;
    java.time.Instant now = clock.instant();
    long version = previous == null ? now.toEpochMilli()
        : Math.max(now.toEpochMilli(), previous.publication().version() + 1);
    Publication p = Publication.of(reputations, now, version);
    try {
      Files.createDirectories(dir);
      Path file = dir.resolve(p.version() + SUFFIX);
      Path tmp = Files.createTempFile(dir, ".publish", ".tmp");
      try (OutputStream out = Files.newOutputStream(tmp)) {
        p.writeSnapshot(out);
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      current = new Current(p, RangeIndex.of(p, rangeMinimum), file);
      prune(p.version() - keep.toMillis());
      return current;
    } catch (IOException e) {
      throw new UncheckedIOException("publish the reputation snapshot in " + dir, e);
    }
  }

  /** The current publication, publishing first if there is none yet. */
  public Current current() {
    Current c = current;
    return c != null ? c : publish();
  }

  /**
   * Writes the delta from version {@code since} to the current publication; false when no snapshot
   * of that version is kept (the client must download the full snapshot).
   */
  public boolean writeDelta(long since, OutputStream out) throws IOException {
    Current c = current();
    Path older = dir.resolve(since + SUFFIX);
    if (since <= 0 || !Files.isRegularFile(older)) {
      return false;
    }
    Publication base;
    try (InputStream in = Files.newInputStream(older)) {
      base = Publication.read(in);
    }
    c.publication().writeDeltaFrom(base, out);
    return true;
  }

  /** The versions whose snapshots are kept, ascending. */
  public List<Long> versions() throws IOException {
    List<Long> list = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return list;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
      for (Path f : files) {
        String name = f.getFileName().toString();
        try {
          list.add(Long.parseLong(name.substring(0, name.length() - SUFFIX.length())));
        } catch (NumberFormatException ignored) {
          // not ours
        }
      }
    }
    list.sort(null);
    return list;
  }

  private void prune(long before) throws IOException {
    for (long v : versions()) {
      if (v < before) {
        Files.deleteIfExists(dir.resolve(v + SUFFIX));
      }
    }
  }
}
