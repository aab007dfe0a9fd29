package org.dunshield.core.evidence;

import java.time.Instant;
import java.util.Objects;

/**
 * One link of an owner's evidence chain: link {@code seq} (from 1) records {@code kind} number
 * {@code ref}, whose content hashed to {@code contentHash} when it was recorded at {@code recordedAt};
 * {@code hash} is {@link Chain#link} of all that and the previous link's hash. Immutable.
 */
public record EvidenceLink(
    long seq, LinkKind kind, long ref, String contentHash, String prevHash, String hash, Instant recordedAt) {

  public EvidenceLink {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(contentHash, "contentHash");
    Objects.requireNonNull(prevHash, "prevHash");
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(recordedAt, "recordedAt");
    if (seq < 1) {
      throw new IllegalArgumentException("link numbers start at 1, got " + seq);
    }
  }

  /** The link that follows {@code prev} (or the first link when {@code prev} is {@code null}). */
  public static EvidenceLink next(EvidenceLink prev, LinkKind kind, long ref, String contentHash, Instant at) {
    long seq = prev == null ? 1 : prev.seq() + 1;
    String prevHash = prev == null ? Sha256.ZERO : prev.hash();
    return new EvidenceLink(seq, kind, ref, contentHash, prevHash,
        Chain.link(prevHash, seq, kind, ref, contentHash, at), at);
  }
}
