package org.dunshield.core.evidence;

import java.time.Instant;
import java.util.Objects;

/**
 * A file attached to a case: a screenshot, a call recording, a contract. The bytes are stored once
 * under their SHA-256; {@code name} is the file name the user gave. Immutable.
 */
public record Attachment(long id, long caseId, String name, String sha256, long size, Instant addedAt) {
  /** Attachments larger than this are refused (a long call recording fits). */
  public static final long MAX_SIZE = 512L * 1024 * 1024;

  public Attachment {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(addedAt, "addedAt");
    if (!Sha256.isHex(sha256)) {
      throw new IllegalArgumentException("not a SHA-256 digest: " + sha256);
    }
    if (size < 0 || size > MAX_SIZE) {
      throw new IllegalArgumentException("attachment '" + name + "' is " + size + " bytes; the limit is " + MAX_SIZE);
    }
  }

  public String contentHash() {
    return Chain.attachmentHash(name, size, sha256);
  }
}
