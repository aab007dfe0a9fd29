package org.dunshield.sip;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.dunshield.core.screen.LiveScreening;
import org.dunshield.core.screen.Screener;
import org.dunshield.store.Database;
import org.dunshield.store.GroupCommitHistory;
import org.dunshield.store.Repositories;

/**
 * One {@link LiveScreening} per callee account, created on first use on that account's rules,
 * contacts, settings and history, all sharing one engine. The most recently called {@value #KEPT}
 * accounts keep theirs (each holds its compiled rules, some kilobytes even when empty); an account
 * called again after being dropped reloads from the store. After the refresh time an account's
 * rules, contacts and settings are reloaded by one background thread while its calls are decided on
 * the cached ones: a call does not wait for four queries (at the default 5 s every call to an
 * account called less often than that did). Thread-safe.
 */
final class Screenings {
  static final int KEPT = 10_000;

  private final Database database;
  private final Screener screener;
  private final Clock clock;
  private final Duration refresh;
  /** Background reloads of all accounts, one at a time; the thread ends when idle. */
  private final ExecutorService reloads = LiveScreening.reloadThread("dunshield-sip-reload");
  private final Map<Long, LiveScreening> byOwner = new LinkedHashMap<>(1024, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Long, LiveScreening> eldest) {
      return size() > KEPT;
    }
  };

  Screenings(Database database, Screener screener, Clock clock, Duration refresh) {
    this.database = database;
    this.screener = screener;
    this.clock = clock;
    this.refresh = refresh;
  }

  synchronized LiveScreening of(long owner) {
    return byOwner.computeIfAbsent(owner, o -> {
      Repositories r = database.forOwner(o);
      // concurrent calls to one account share history transactions (group commit)
      return new LiveScreening(r.rules(), r.contacts(), r.settings(),
          new GroupCommitHistory(r.history(), database.historyWriter(o)), screener, clock, refresh, reloads);
    });
  }
}
