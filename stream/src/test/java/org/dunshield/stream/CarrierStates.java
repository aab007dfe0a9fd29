package org.dunshield.stream;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.testutils.DeeplyEqualsChecker;
import org.dunshield.core.carrier.CalleeLogic;
import org.dunshield.core.carrier.CalleeState;
import org.dunshield.core.carrier.CallerLogic;
import org.dunshield.core.carrier.CallerState;
import org.dunshield.core.carrier.CarrierSettings;
import org.dunshield.core.carrier.Cdr;
import org.dunshield.core.carrier.EnrichedCall;
import org.dunshield.core.carrier.KnownNumbers;
import org.dunshield.core.carrier.NetworkGenerator;

/**
 * Real records and states for the serializer tests: the first day of a generated network run
 * through the detection logic, keeping the states of the busiest numbers (long address-book circles,
 * full callee lists) and a few ordinary ones.
 */
final class CarrierStates {
  static final List<Cdr> CALLS = new ArrayList<>();
  static final List<EnrichedCall> ENRICHED = new ArrayList<>();
  static final List<CalleeState> CALLEES = new ArrayList<>();
  static final List<CallerState> CALLERS = new ArrayList<>();

  static {
    try {
      List<Cdr> all = new ArrayList<>();
      new NetworkGenerator(10_000, 2, 3, NetworkGenerator.DEFAULT_START).generate(all::add);
      CalleeLogic callee = new CalleeLogic(CarrierSettings.defaults());
      CallerLogic caller = new CallerLogic(CarrierSettings.defaults(), KnownNumbers.none());
      java.util.Map<Long, CalleeState> callees = new java.util.HashMap<>();
      java.util.Map<Long, CallerState> callers = new java.util.HashMap<>();
      for (Cdr c : all) {
        EnrichedCall e = callee.onCall(callees.computeIfAbsent(c.callee(), k -> new CalleeState()), c, a -> { });
        caller.onCall(callers.computeIfAbsent(c.caller(), k -> new CallerState()), e);
        if (ENRICHED.size() < 40 && e.calleeContacts().length > 0 || ENRICHED.size() < 20) {
          ENRICHED.add(e);
        }
      }
      CALLS.addAll(all.subList(0, 30));
      CALLS.add(new Cdr(8613800000001L, 8613900000002L, 1772400000000L, 4, 75, true,
          org.dunshield.core.carrier.Disposition.ANSWERED, "基站 C0451"));
      callers.values().stream().sorted((a, b) -> Integer.compare(b.circleCount + b.calleeCount, a.circleCount + a.calleeCount))
          .limit(10).forEach(CALLERS::add);
      callers.values().stream().limit(10).forEach(CALLERS::add);
      CALLERS.add(new CallerState());
      callees.values().stream().filter(s -> s.burstCount > 0).limit(10).forEach(CALLEES::add);
      callees.values().stream().limit(10).forEach(CALLEES::add);
      CALLEES.add(new CalleeState());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private CarrierStates() {}

  /** Equality of what the logic reads: arrays' lengths and used parts, every other field. */
  static final DeeplyEqualsChecker EQUALS = new DeeplyEqualsChecker()
      .withCustomCheck((a, b) -> a instanceof CallerState && b instanceof CallerState,
          (a, b, c) -> same((CallerState) a, (CallerState) b))
      .withCustomCheck((a, b) -> a instanceof CalleeState && b instanceof CalleeState,
          (a, b, c) -> same((CalleeState) a, (CalleeState) b))
      .withCustomCheck((a, b) -> a instanceof EnrichedCall && b instanceof EnrichedCall,
          (a, b, c) -> ((EnrichedCall) a).call().equals(((EnrichedCall) b).call())
              && ((EnrichedCall) a).known() == ((EnrichedCall) b).known()
              && Arrays.equals(((EnrichedCall) a).calleeContacts(), ((EnrichedCall) b).calleeContacts()));

  static boolean same(CallerState a, CallerState b) {
    return Arrays.equals(a.buckets, b.buckets) && a.newestBucket == b.newestBucket
        && prefix(a.callees, b.callees, a.calleeCount) && prefix(a.calleeCalls, b.calleeCalls, a.calleeCount)
        && prefix(a.calleeSeen, b.calleeSeen, a.calleeCount) && a.calleeCount == b.calleeCount
        && a.strangerCalls == b.strangerCalls && prefix(a.circle, b.circle, a.circleCount)
        && prefix(a.circleCounts, b.circleCounts, a.circleCount) && a.circleCount == b.circleCount
        && a.circleMax == b.circleMax && a.circleSince == b.circleSince && Arrays.equals(a.examples, b.examples)
        && a.exampleCount == b.exampleCount && a.firstSeen == b.firstSeen && a.lastSeen == b.lastSeen
        && a.flagged == b.flagged;
  }

  static boolean same(CalleeState a, CalleeState b) {
    return prefix(a.contacts, b.contacts, a.contactCount) && a.contactCount == b.contactCount
        && Arrays.equals(a.burstTimes, b.burstTimes) && Arrays.equals(a.burstSources, b.burstSources)
        && a.burstHead == b.burstHead && a.burstCount == b.burstCount && a.attackStart == b.attackStart
        && a.lastAttack == b.lastAttack && a.attackCalls == b.attackCalls && a.inboundRate == b.inboundRate
        && a.rateAt == b.rateAt && a.lastSeen == b.lastSeen;
  }

  private static boolean prefix(long[] a, long[] b, int n) {
    return a == null ? b == null : b != null && a.length == b.length && Arrays.equals(a, 0, n, b, 0, n);
  }

  private static boolean prefix(int[] a, int[] b, int n) {
    return a == null ? b == null : b != null && a.length == b.length && Arrays.equals(a, 0, n, b, 0, n);
  }
}
