package org.dunshield.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes a SQLite database file's pages to disk ({@code fdatasync}) from outside SQLite, for the
 * background checkpointer of {@link GroupCommits}. SQLite syncs the database file only when a
 * checkpoint has copied the whole write-ahead log; under steady load the passive checkpoints never
 * do, so the pages they copy stay dirty in the page cache until SQLite's automatic checkpoint
 * completes one in the writer's commit, whose sync then flushed seconds of pages while every request
 * of that batch waited (20–60 ms, the web API's p99). Synced here after every passive checkpoint, that
 * last sync finds little left to write. An extra sync never changes what SQLite guarantees.
 *
 * <p>Closing any descriptor of a file drops every POSIX lock this process holds on it, SQLite's
 * included, so the descriptor opened here is shared by every {@link Database} of this process on
 * the file and closed only when the last of them has closed its connections ({@link #close}).
 * Thread-safe.
 */
final class DatabaseFileSync implements AutoCloseable {
  /** For a database that is not a SQLite file (PostgreSQL, in memory): syncs nothing. */
  static final DatabaseFileSync NONE = new DatabaseFileSync(null);

  private static final class Shared {
    int users;
    FileChannel channel; // opened at the first sync
  }

  private static final Map<Path, Shared> FILES = new HashMap<>(); // guarded by FILES

  private final Path file;
  private final AtomicLong syncs = new AtomicLong();
  private boolean closed; // guarded by FILES
  private boolean failed; // guarded by FILES

  private DatabaseFileSync(Path file) {
    this.file = file;
  }

  /** The file of a {@code jdbc:sqlite:FILE} URL, registered as one more user; {@link #NONE} for any other URL. */
  static DatabaseFileSync of(String jdbcUrl) {
    Path file = sqliteFile(jdbcUrl);
    if (file == null) {
      return NONE;
    }
    synchronized (FILES) {
      FILES.computeIfAbsent(file, f -> new Shared()).users++;
    }
    return new DatabaseFileSync(file);
  }

  /** The plain file path of a {@code jdbc:sqlite:} URL, or {@code null} (memory, {@code file:} URIs, other databases). */
  static Path sqliteFile(String jdbcUrl) {
    String prefix = "jdbc:sqlite:";
    if (!jdbcUrl.startsWith(prefix)) {
      return null;
    }
    String name = jdbcUrl.substring(prefix.length());
    int query = name.indexOf('?');
    if (query >= 0) {
      name = name.substring(0, query);
    }
    if (name.isEmpty() || name.startsWith(":") || name.startsWith("file:")) {
      return null;
    }
    return Path.of(name).toAbsolutePath().normalize();
  }

  /**
   * Writes the file's dirty pages to disk; does nothing for {@link #NONE}, once closed, or after a
   * failure. The failure is reported to the caller once (a system that cannot sync a file through a
   * read-only descriptor would otherwise fail every 50 ms) and loses nothing: SQLite syncs before it
   * relies on the pages.
   */
  void sync() throws IOException {
    if (file == null) {
      return;
    }
    FileChannel channel;
    synchronized (FILES) {
      if (closed || failed) {
        return;
      }
      Shared shared = FILES.get(file);
      try {
        if (shared.channel == null) {
          shared.channel = FileChannel.open(file, StandardOpenOption.READ);
        }
      } catch (IOException e) {
        failed = true;
        throw e;
      }
      channel = shared.channel;
    }
    try {
      channel.force(false); // the channel stays open while this instance is: close() needs the lock
    } catch (IOException e) {
      synchronized (FILES) {
        failed = true;
      }
      throw new IOException("sync " + file + " (the checkpointer stops syncing it): " + e.getMessage(), e);
    }
    syncs.incrementAndGet();
  }

  /** How many syncs this instance made (tests). */
  long syncs() {
    return syncs.get();
  }

  /** Whether this process holds a descriptor of {@code file} for syncing (tests). */
  static boolean holdsDescriptor(Path file) {
    synchronized (FILES) {
      Shared shared = FILES.get(file.toAbsolutePath().normalize());
      return shared != null && shared.channel != null;
    }
  }

  /**
   * One user fewer; the last one closes the descriptor. Call after this user's connections are
   * closed, so SQLite holds no lock of this process on the file that closing could drop.
   */
  @Override
  public void close() {
    if (file == null) {
      return;
    }
    synchronized (FILES) {
      if (closed) {
        return;
      }
      closed = true;
      Shared shared = FILES.get(file);
      if (--shared.users > 0) {
        return;
      }
      FILES.remove(file);
      if (shared.channel != null) {
        try {
          shared.channel.close();
        } catch (IOException e) {
          System.err.println("dunshield: close " + file + ": " + e.getMessage());
        }
      }
    }
  }
}
