package org.dunshield.stream;

import org.dunshield.core.carrier.Cdr;
import org.dunshield.core.carrier.Disposition;

/** Call records for tests. */
final class Calls {
  static final long T0 = 1_772_400_000_000L;

  private Calls() {}

  static Cdr rang(long caller, long callee, long at) {
    return new Cdr(caller, callee, at, 8, 0, false, Disposition.NO_ANSWER, "");
  }

  static Cdr oneRing(long caller, long callee, long at) {
    return new Cdr(caller, callee, at, 1, 0, false, Disposition.CALLER_CANCEL, "");
  }

  static Cdr talked(long caller, long callee, long at, int seconds) {
    return new Cdr(caller, callee, at, 5, seconds, true, Disposition.ANSWERED, "");
  }
}
