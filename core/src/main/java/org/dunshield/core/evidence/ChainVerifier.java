package org.dunshield.core.evidence;

import java.util.Iterator;

/**
 * Recomputes an evidence chain from what is stored now. Each {@link Observed} pairs a stored link
 * with the content hash of the item it points to as it reads today ({@code null} when the item is
 * gone). The first link whose recomputed hash, predecessor or content differs is reported. Not
 * thread-safe; use one per verification.
 */
public final class ChainVerifier {
  /** A stored link and the current hash of its item ({@code null} when the item is missing or unreadable). */
  public record Observed(EvidenceLink link, String currentContentHash, String problem) {
    public Observed(EvidenceLink link, String currentContentHash) {
      this(link, currentContentHash, null);
    }
  }

  private ChainVerifier() {}

  /**
   * Walks {@code links} in order. {@code unchainedEvents} is how many stored events have no link
   * yet (events stored before the log existed or written behind the store's back).
   */
  public static Verification verify(Iterator<Observed> links, long unchainedEvents) {
    String prevHash = Sha256.ZERO;
    long expectedSeq = 1;
    long checked = 0;
    while (links.hasNext()) {
      Observed o = links.next();
      EvidenceLink l = o.link();
      if (l.seq() != expectedSeq) {
        return Verification.broken(checked, l, "link " + expectedSeq + " is missing (found link " + l.seq() + ")");
      }
      if (!l.prevHash().equals(prevHash)) {
        return Verification.broken(checked, l, "does not follow the previous link (previous hash differs)");
      }
      String recomputed = Chain.link(l.prevHash(), l.seq(), l.kind(), l.ref(), l.contentHash(), l.recordedAt());
      if (!recomputed.equals(l.hash())) {
        return Verification.broken(checked, l, "the link itself was altered (its hash does not match its fields)");
      }
      if (o.currentContentHash() == null) {
        return Verification.broken(checked, l, l.kind().code() + " " + l.ref() + " is missing"
            + (o.problem() == null ? "" : ": " + o.problem()));
      }
      if (!o.currentContentHash().equals(l.contentHash())) {
        return Verification.broken(checked, l, l.kind().code() + " " + l.ref() + " changed after it was recorded");
      }
      prevHash = l.hash();
      expectedSeq++;
      checked++;
    }
    return Verification.intact(checked, checked == 0 ? Sha256.ZERO : prevHash, unchainedEvents);
  }
}
