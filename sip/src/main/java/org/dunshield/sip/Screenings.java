package org.dunshield.sip;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import org.dunshield.core.screen.LiveScreening;
import org.dunshield.core.screen.Screener;
import org.dunshield.store.Database;
import org.dunshield.store.Repositories;

/**
 * One {@link LiveScreening} per callee account, created on first use on that account's rules,
 * contacts, settings and history, all sharing one engine. Thread-safe.
 */
final class Screenings {
  private final Database database;
  private final Screener screener;
  private final Clock clock;
  private final Duration refresh;
  private final ConcurrentHashMap<Long, LiveScreening> byOwner = new ConcurrentHashMap<>();

  Screenings(Database database, Screener screener, Clock clock, Duration refresh) {
    this.database = database;
    this.screener = screener;
    this.clock = clock;
    this.refresh = refresh;
  }

  LiveScreening of(long owner) {
    return byOwner.computeIfAbsent(owner, o -> {
      Repositories r = database.forOwner(o);
      return new LiveScreening(r.rules(), r.contacts(), r.settings(), r.history(), screener, clock, refresh);
    });
  }
}
