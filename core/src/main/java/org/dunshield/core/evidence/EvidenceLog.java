package org.dunshield.core.evidence;

/** One owner's evidence chain as stored. Implementations are thread-safe. */
public interface EvidenceLog {
  /** Recomputes the whole chain against the stored events and attachment files. */
  Verification verify();

  /** How many links the chain has. */
  long size();
}
