package org.dunshield.core.carrier;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * The callee side of carrier detection, one call at a time on the callee's state: counts calls from
 * strangers (callers not among the callee's recent contacts) that only rang or were cut short (a
 * conversation is not harassment) in a ring and raises an {@link
 * AttackAlert} when a burst reaches the {@link CarrierSettings#bombing()} thresholds — unless the
 * callee is a service line (learned from its decayed inbound count) — then learns the caller as a
 * contact when the call was answered long enough, and passes the call on enriched for the caller side.
 * Immutable and thread-safe; the state it is given is not.
 */
public final class CalleeLogic {
  private static final double HALF_LIFE_MS = 6 * 3_600_000.0;

  private final CarrierSettings settings;
  private final int ring;
  private final long window;
  private final long cooldown;

  public CalleeLogic(CarrierSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.ring = Math.max(8, 2 * settings.bombing().minEvents());
    this.window = settings.bombing().window().toMillis();
    this.cooldown = settings.bombing().cooldown().toMillis();
  }

  /** Handles one call to {@code state}'s subscriber; alerts go to {@code alerts}. */
  public EnrichedCall onCall(CalleeState state, Cdr call, Consumer<? super AttackAlert> alerts) {
    boolean known = observe(state, call, alerts);
    EnrichedCall out = new EnrichedCall(call, known,
        known || state.contactCount == 0 ? EnrichedCall.NONE : java.util.Arrays.copyOf(state.contacts, state.contactCount));
    learn(state, call);
    return out;
  }

  /**
   * The first half of {@link #onCall}: counts the call and raises alerts; returns whether the callee
   * knew the caller. Until {@link #learn} is called for the same call, {@code state.contacts} (the
   * first {@code state.contactCount}) are the contacts {@link #onCall} would have passed on, so an
   * engine that runs the caller side in between needs no copy.
   */
  public boolean observe(CalleeState state, Cdr call, Consumer<? super AttackAlert> alerts) {
    long t = call.start();
    state.lastSeen = Math.max(state.lastSeen, t);
    if (state.contacts == null) {
      state.contacts = new long[settings.contacts()];
    }
    boolean known = state.knows(call.caller());
    double rate = decayed(state, t);
    boolean ringing = !call.answered() || call.talkSeconds() < CarrierSettings.SHORT_TALK_SECONDS;
    if (!known && ringing && settings.bombing().enabled()) {
      bombing(state, call, rate, alerts);
    }
    state.inboundRate = rate + 1;
    state.rateAt = Math.max(state.rateAt, t);
    return known;
  }

  /** The second half of {@link #onCall}: learns the caller as a contact when the call makes it one. */
  public void learn(CalleeState state, Cdr call) {
    if (call.answered() && call.talkSeconds() >= settings.contactTalkSeconds()) {
      remember(state, call.caller());
    }
  }

  private static double decayed(CalleeState s, long t) {
    if (s.inboundRate == 0 || t <= s.rateAt) {
      return s.inboundRate;
    }
    return s.inboundRate * Math.pow(0.5, (t - s.rateAt) / HALF_LIFE_MS);
  }

  private void bombing(CalleeState s, Cdr call, double rate, Consumer<? super AttackAlert> alerts) {
    if (s.burstTimes == null) {
      s.burstTimes = new long[ring];
      s.burstSources = new long[ring];
    }
    long t = call.start();
    s.burstHead = (s.burstHead + 1) % ring;
    s.burstTimes[s.burstHead] = t;
    s.burstSources[s.burstHead] = call.caller();
    s.burstCount = Math.min(ring, s.burstCount + 1);
    if (s.lastAttack != 0 && t - s.lastAttack <= cooldown) {
      s.lastAttack = Math.max(s.lastAttack, t);
      s.attackCalls++;
      return;
    }
    // counted in place (this runs for most calls from strangers): a source is new when no later
    // slot within the window holds it; the alert's sources are collected only when it fires
    int events = 0;
    int distinct = 0;
    long first = t;
    for (int i = 0; i < s.burstCount; i++) {
      int slot = Math.floorMod(s.burstHead - i, ring);
      long when = s.burstTimes[slot];
      if (when > t || t - when > window) {
        continue;
      }
      events++;
      first = Math.min(first, when);
      if (!seenBefore(s, i, t)) {
        distinct++;
      }
    }
    if (events >= settings.bombing().minEvents() && distinct >= settings.bombing().minSources()
        && rate < settings.serviceLineRate()) {
      long[] seen = new long[Math.min(distinct, 5)];
      int k = 0;
      for (int i = 0; i < s.burstCount && k < seen.length; i++) {
        int slot = Math.floorMod(s.burstHead - i, ring);
        long when = s.burstTimes[slot];
        if (when <= t && t - when <= window && !seenBefore(s, i, t)) {
          seen[k++] = s.burstSources[slot];
        }
      }
      s.attackStart = first;
      s.lastAttack = t;
      s.attackCalls = events;
      alerts.accept(new AttackAlert(call.callee(), first, t, events, distinct, seen));
    }
  }

  /** Whether the source of the {@code i}-th newest slot is in a newer slot within the window at {@code t}. */
  private boolean seenBefore(CalleeState s, int i, long t) {
    long source = s.burstSources[Math.floorMod(s.burstHead - i, ring)];
    for (int j = 0; j < i; j++) {
      int slot = Math.floorMod(s.burstHead - j, ring);
      long when = s.burstTimes[slot];
      if (when <= t && t - when <= window && s.burstSources[slot] == source) {
        return true;
      }
    }
    return false;
  }

  private void remember(CalleeState s, long caller) {
    long[] c = s.contacts;
    int at = -1;
    for (int i = 0; i < s.contactCount; i++) {
      if (c[i] == caller) {
        at = i;
        break;
      }
    }
    if (at < 0) {
      at = Math.min(s.contactCount, c.length - 1);
      if (s.contactCount < c.length) {
        s.contactCount++;
      }
    }
    System.arraycopy(c, 0, c, 1, at);
    c[0] = caller;
  }
}
