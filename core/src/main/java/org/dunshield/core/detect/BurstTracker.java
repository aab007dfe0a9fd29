package org.dunshield.core.detect;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;
import org.dunshield.core.event.Channel;
import org.dunshield.core.event.Direction;
import org.dunshield.core.event.Event;
import org.dunshield.core.history.HistoryEntry;
import org.dunshield.core.history.LiveHistory;
import org.dunshield.core.history.RecentActivity;

/**
 * The attack state of one phone for one channel (call or SMS bombing): a {@link BurstDetector} fed
 * with the untrusted events that count, plus the distinct numbers of the current attack. Rebuilt
 * from the last {@link Burst#lookback()} of history, then kept current by {@link LiveHistory}.
 */
final class BurstTracker implements LiveHistory.Tracker {
  private static final long CALLEE = 1;

  /** An attack the event belongs to: since when, how many events (this one included), from how many numbers. */
  record Attack(Instant since, int events, int numbers) {}

  private final Burst config;
  private final Channel channel;
  private final Predicate<Event> counts;
  private final BurstDetector detector;
  private final Set<Long> attackSources = new HashSet<>();
  private final Set<Long> burst = new HashSet<>(); // scratch for attack(): a tracker runs one call at a time
  private long newest = Long.MIN_VALUE;

  /**
   * @param counts which incoming events of {@code channel} take part (untrusted ones, and for SMS
   *     bombing verification codes only)
   */
  BurstTracker(Burst config, Channel channel, Predicate<Event> counts) {
    this.config = config;
    this.channel = channel;
    this.counts = counts;
    this.detector = new BurstDetector(config, 1);
  }

  /** The attack {@code current} belongs to, from the live tracker or a rebuilt one, or {@code null} when none. */
  static Attack attack(RecentActivity history, Object key, Trust trust, Burst config, Predicate<Event> counts,
      Event current) {
    return LiveHistory.track(history, key, trust, current.at(),
        () -> new BurstTracker(config, current.channel(), counts), t -> t.attack(current));
  }

  @Override
  public void rebuild(RecentActivity history, Instant at) {
    for (HistoryEntry entry : history.incoming(channel, at.minus(config.lookback()), at)) {
      add(entry);
    }
  }

  @Override
  public void add(HistoryEntry entry) {
    Event e = entry.event();
    if (e.channel() != channel || e.direction() != Direction.INCOMING || !counts.test(e)) {
      return;
    }
    long at = e.at().toEpochMilli();
    newest = Math.max(newest, at);
    long source = Trust.source(e);
    switch (detector.observe(CALLEE, source, at)) {
      case TRIPPED -> {
        attackSources.clear();
        detector.sourcesSince(CALLEE, detector.attackStart(CALLEE), this::remember);
      }
      case ONGOING -> remember(source);
      case QUIET -> attackSources.clear();
    }
  }

  /** Keeps a number of the current attack; hidden callers (0) count as calls, not as numbers. */
  private void remember(long source) {
    if (source != 0) {
      attackSources.add(source);
    }
  }

  @Override
  public long newest() {
    return newest;
  }

  /** What {@code current} (not yet recorded) is: part of an attack, or {@code null}. */
  Attack attack(Event current) {
    long source = Trust.source(current);
    burst.clear();
    BurstDetector.Outcome outcome = detector.peek(CALLEE, source, current.at().toEpochMilli(), burst::add);
    int numbers;
    switch (outcome.signal()) {
      case QUIET -> {
        return null;
      }
      case TRIPPED -> {
        burst.remove(0L);
        numbers = burst.size();
      }
      default -> numbers = attackSources.size() + (source != 0 && !attackSources.contains(source) ? 1 : 0);
    }
    return new Attack(Instant.ofEpochMilli(outcome.attackStart()), outcome.attackEvents(), numbers);
  }
}
