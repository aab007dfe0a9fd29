package org.dunshield.core.detect;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dunshield.core.event.Channel;
import org.dunshield.core.event.Direction;
import org.dunshield.core.event.Event;
import org.dunshield.core.history.HistoryEntry;
import org.dunshield.core.history.LiveHistory;
import org.dunshield.core.history.RecentActivity;
import org.dunshield.core.internal.LongIntHashMap;
import org.dunshield.core.number.PhoneNumber;

/**
 * Today's incoming calls per number and per number block, the state behind {@link RedialCount}:
 * rebuilt from the day's history, then kept current by {@link LiveHistory}. Calls from any number
 * count for that number; only calls from untrusted full-length numbers count for their block.
 */
final class RedialTracker implements LiveHistory.Tracker {
  private static final class Block {
    int calls;
    final Set<Long> numbers = new HashSet<>();
  }

  private final Trust trust;
  private final ZoneId zone;
  private final int blockDigits;
  private final long divisor;
  private long dayStart = Long.MIN_VALUE;
  private long dayEnd = Long.MIN_VALUE;
  private LongIntHashMap perNumber = new LongIntHashMap(16);
  private final Map<Long, Block> blocks = new HashMap<>();
  private long newest = Long.MIN_VALUE;

  RedialTracker(Trust trust, int blockDigits) {
    this.trust = trust;
    this.zone = trust.settings().timezone();
    this.blockDigits = blockDigits;
    long d = 1;
    for (int i = 0; i < blockDigits; i++) {
      d *= 10;
    }
    this.divisor = d;
  }

  /** Today's count for {@code number} calling at {@code at}, from the live tracker or a rebuilt one. */
  static RedialCount count(PhoneNumber number, Instant at, int blockDigits, RecentActivity history, Trust trust) {
    return LiveHistory.track(history, List.of(RedialTracker.class, blockDigits), trust, at,
        () -> new RedialTracker(trust, blockDigits), t -> t.count(number, at));
  }

  @Override
  public void rebuild(RecentActivity history, Instant at) {
    startDay(at.toEpochMilli());
    for (HistoryEntry entry : history.incoming(Channel.CALL, Instant.ofEpochMilli(dayStart), at)) {
      add(entry);
    }
  }

  @Override
  public void add(HistoryEntry entry) {
    Event e = entry.event();
    PhoneNumber n = e.number();
    if (e.channel() != Channel.CALL || e.direction() != Direction.INCOMING || n == null) {
      return;
    }
    long at = e.at().toEpochMilli();
    newest = Math.max(newest, at);
    if (at >= dayEnd) {
      startDay(at);
    } else if (at < dayStart) {
      return; // an earlier day: no longer counted
    }
    int calls = perNumber.get(n.digits());
    perNumber.put(n.digits(), calls == LongIntHashMap.MISSING ? 1 : calls + 1);
    if (hasBlock(n) && !trust.trusted(e)) {
      Block block = blocks.computeIfAbsent(n.digits() / divisor, k -> new Block());
      block.calls++;
      block.numbers.add(n.digits());
    }
  }

  @Override
  public long newest() {
    return newest;
  }

  /** The count for a call from {@code number} at {@code at} (not yet recorded), this call included. */
  RedialCount count(PhoneNumber number, Instant at) {
    long t = at.toEpochMilli();
    boolean today = t >= dayStart && t < dayEnd;
    int before = today ? perNumber.get(number.digits()) : LongIntHashMap.MISSING;
    int same = (before == LongIntHashMap.MISSING ? 0 : before) + 1;
    if (!hasBlock(number)) {
      return new RedialCount(same, same, 1, number.e164());
    }
    Block block = today ? blocks.get(number.digits() / divisor) : null;
    int calls = 1 + (block == null ? 0 : block.calls);
    int numbers = 1 + (block == null ? 0 : block.numbers.size() - (block.numbers.contains(number.digits()) ? 1 : 0));
    String e164 = number.e164();
    return new RedialCount(same, calls, numbers,
        e164.substring(0, e164.length() - blockDigits) + "x".repeat(blockDigits));
  }

  private void startDay(long atMillis) {
    ZonedDateTime start = Instant.ofEpochMilli(atMillis).atZone(zone).toLocalDate().atStartOfDay(zone);
    dayStart = start.toInstant().toEpochMilli();
    dayEnd = start.plusDays(1).toLocalDate().atStartOfDay(zone).toInstant().toEpochMilli();
    perNumber = new LongIntHashMap(16);
    blocks.clear();
  }

  /** Blocks make sense for full-length numbers only (not short codes). */
  private boolean hasBlock(PhoneNumber n) {
    return blockDigits > 0 && n.e164().length() >= 11;
  }
}
