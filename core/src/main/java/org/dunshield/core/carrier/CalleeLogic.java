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
    EnrichedCall out = new EnrichedCall(call, known,
        known || state.contactCount == 0 ? EnrichedCall.NONE : java.util.Arrays.copyOf(state.contacts, state.contactCount));
    if (call.answered() && call.talkSeconds() >= settings.contactTalkSeconds()) {
      remember(state, call.caller());
    }
    return out;
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
    int events = 0;
    long first = t;
    long[] seen = new long[s.burstCount];
    int distinct = 0;
    for (int i = 0; i < s.burstCount; i++) {
      int slot = Math.floorMod(s.burstHead - i, ring);
      long when = s.burstTimes[slot];
      if (when > t || t - when > window) {
        continue;
      }
      events++;
      first = Math.min(first, when);
      long source = s.burstSources[slot];
      boolean dup = false;
      for (int j = 0; j < distinct; j++) {
        if (seen[j] == source) {
          dup = true;
          break;
        }
      }
      if (!dup) {
        seen[distinct++] = source;
      }
    }
    if (events >= settings.bombing().minEvents() && distinct >= settings.bombing().minSources()
        && rate < settings.serviceLineRate()) {
      s.attackStart = first;
      s.lastAttack = t;
      s.attackCalls = events;
      alerts.accept(new AttackAlert(call.callee(), first, t, events, distinct,
          java.util.Arrays.copyOf(seen, Math.min(distinct, 5))));
    }
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
