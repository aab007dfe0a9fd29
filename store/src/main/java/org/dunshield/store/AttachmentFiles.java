package org.dunshield.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import org.dunshield.core.evidence.Attachment;
import org.dunshield.core.evidence.Sha256;

/**
 * Attachment bytes stored content-addressed: {@code DIR/<first two hex digits>/<sha256>}. A file is
 * copied to a temporary name while it is hashed, then moved into place, so a stored file is always
 * complete; storing the same content twice keeps one copy. Thread-safe.
 */
final class AttachmentFiles {
  /** A stored file's digest and size. */
  record Stored(String sha256, long size) {}

  private final Path dir;

  AttachmentFiles(Path dir) {
    this.dir = dir;
  }

  Path path(String sha256) {
    if (!Sha256.isHex(sha256)) {
      throw new IllegalArgumentException("not a SHA-256 digest: " + sha256);
    }
    return dir.resolve(sha256.substring(0, 2)).resolve(sha256);
  }

  /**
   * Copies {@code file} into the store.
   *
   * @throws IllegalArgumentException when it is missing, not a regular file, unreadable or larger than
   *     {@link Attachment#MAX_SIZE}
   */
  Stored put(Path file) {
    if (!Files.exists(file)) {
      throw new IllegalArgumentException("no such file: " + file);
    }
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("not a regular file: " + file);
    }
    Path temp = null;
    try {
      long size = Files.size(file);
      if (size > Attachment.MAX_SIZE) {
        throw new IllegalArgumentException(file + " is " + size + " bytes; attachments may have at most "
            + Attachment.MAX_SIZE + " bytes");
      }
      Files.createDirectories(dir);
      temp = Files.createTempFile(dir, "incoming-", ".part");
      MessageDigest sha = Sha256.digest();
      long copied = 0;
      try (InputStream in = Files.newInputStream(file); OutputStream out = Files.newOutputStream(temp)) {
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = in.read(buffer)) > 0; ) {
          copied += n;
          if (copied > Attachment.MAX_SIZE) {
            throw new IllegalArgumentException(file + " grew beyond " + Attachment.MAX_SIZE + " bytes while being read");
          }
          sha.update(buffer, 0, n);
          out.write(buffer, 0, n);
        }
      }
      String digest = Sha256.hex(sha.digest());
      Path target = path(digest);
      Files.createDirectories(target.getParent());
      if (Files.exists(target)) {
        Files.delete(temp);
      } else {
        try {
          Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
          Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
      temp = null;
      return new Stored(digest, copied);
    } catch (AccessDeniedException e) {
      throw new IllegalArgumentException("cannot read " + file + ": permission denied", e);
    } catch (IOException e) {
      throw new UncheckedIOException("store attachment " + file, e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // a leftover .part file is harmless and never read
        }
      }
    }
  }

  /** The SHA-256 of the stored file as it is now, or {@code null} when it is gone. */
  String currentDigest(String sha256) {
    try (InputStream in = Files.newInputStream(path(sha256))) {
      return Sha256.of(in);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException("read attachment " + sha256, e);
    }
  }

  InputStream open(String sha256) {
    try {
      return Files.newInputStream(path(sha256));
    } catch (IOException e) {
      throw new UncheckedIOException("open attachment " + sha256, e);
    }
  }
}
