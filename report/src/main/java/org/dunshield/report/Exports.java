package org.dunshield.report;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import org.dunshield.core.evidence.Sha256;

/**
 * Writes an export all or nothing: into a temporary file beside the target, then moved over it. The
 * SHA-256 of what was written is returned (and written to {@code FILE.sha256} in {@code sha256sum}
 * format by {@link #writeWithChecksum}). Stateless.
 */
public final class Exports {
  /** Writes the content of an export. */
  @FunctionalInterface
  public interface Body {
    void writeTo(OutputStream out) throws IOException;
  }

  private Exports() {}

  /** Writes {@code out} atomically; returns the SHA-256 of its bytes. */
  public static String write(Path out, Body body) {
    Path target = out.toAbsolutePath();
    Path dir = target.getParent();
    Path temp = null;
    try {
      if (dir != null && !Files.isDirectory(dir)) {
        throw new IllegalArgumentException("cannot write " + out + ": no such directory " + dir);
      }
      if (Files.isDirectory(target)) {
        throw new IllegalArgumentException("cannot write " + out + ": it is a directory");
      }
      temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".part");
      MessageDigest sha = Sha256.digest();
      try (OutputStream file = Files.newOutputStream(temp);
          OutputStream digest = new DigestOutputStream(new BufferedOutputStream(file, 64 * 1024), sha)) {
        body.writeTo(digest);
      }
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      temp = null;
      return Sha256.hex(sha.digest());
    } catch (IOException e) {
      throw new UncheckedIOException("write " + out + ": " + e.getMessage(), e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // nothing more to do; the partial file has a hidden .part name
        }
      }
    }
  }

  /** {@link #write} and then {@code FILE.sha256} ({@code "<hex>  <name>\n"}), so a recipient can check the file. */
  public static String writeWithChecksum(Path out, Body body) {
    String sha = write(out, body);
    Path sidecar = out.resolveSibling(out.getFileName() + ".sha256");
    write(sidecar, o -> o.write((sha + "  " + out.getFileName() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    return sha;
  }
}
