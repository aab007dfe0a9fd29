package org.dunshield.core.detect;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;
import org.dunshield.core.event.Channel;
import org.dunshield.core.history.HistoryEntry;
import org.dunshield.core.history.RecentActivity;
import org.dunshield.core.number.PhoneNumber;

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

  static RedialCount of(PhoneNumber number, Instant at, ZoneId zone, int blockDigits, RecentActivity history,
      Trust trust) {
    Instant dayStart = at.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
    int same = history.callsFrom(number, dayStart, at).size() + 1;
    if (!hasBlock(number, blockDigits)) {
      return new RedialCount(same, same, 1, number.e164());
    }
    long divisor = pow10(blockDigits);
    long key = number.digits() / divisor;
    Set<Long> numbers = new HashSet<>();
    numbers.add(number.digits());
    int block = 1;
    for (HistoryEntry e : history.incoming(Channel.CALL, dayStart, at)) {
      PhoneNumber n = e.event().number();
      if (n != null && n.digits() / divisor == key && hasBlock(n, blockDigits) && !trust.trusted(e.event())) {
        block++;
        numbers.add(n.digits());
      }
    }
    String e164 = number.e164();
    return new RedialCount(same, block, numbers.size(), e164.substring(0, e164.length() - blockDigits) + "x".repeat(blockDigits));
  }

  /** Blocks make sense for full-length numbers only (not short codes). */
  private static boolean hasBlock(PhoneNumber n, int blockDigits) {
    return blockDigits > 0 && n.e164().length() >= 11;
  }

  private static long pow10(int n) {
    long p = 1;
    for (int i = 0; i < n; i++) {
      p *= 10;
    }
    return p;
  }
}
