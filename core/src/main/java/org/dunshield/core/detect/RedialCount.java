package org.dunshield.core.detect;


/**
 * Today's calls from one number and from its block, this call included. Today is the calendar day
 * of the call in the user's time zone; calls from trusted numbers do not count.
 *
 * @param sameNumber calls from this number today
 * @param block calls from every number of its block today ({@code sameNumber} when blocks are off)
 * @param blockNumbers distinct numbers of the block that called today
 * @param blockLabel the block written as a pattern, such as {@code +86171888800xx}
 */
record RedialCount(int sameNumber, int block, int blockNumbers, String blockLabel) {
  /** The larger count: the block's when more than one of its numbers called, else the number's. */
  int calls() {
    return blockNumbers > 1 ? Math.max(sameNumber, block) : sameNumber;
  }

  boolean byBlock() {
    return blockNumbers > 1 && block > sameNumber;
  }
}
