package org.dunshield.server.web;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.dunshield.core.detect.DetectionSettings;
import org.dunshield.core.detect.Detectors;
import org.dunshield.core.loan.LoanDesk;
import org.dunshield.core.loan.LprTable;
import org.dunshield.core.report.ConductFindings;
import org.dunshield.core.reputation.InMemoryReputationRepository;
import org.dunshield.core.reputation.ReputationPolicy;
import org.dunshield.core.reputation.Reputations;
import org.dunshield.core.screen.LiveScreening;
import org.dunshield.core.screen.Screener;
import org.dunshield.server.DunshieldServer;
import org.dunshield.server.Workspace;
import org.dunshield.server.Workspaces;
import org.dunshield.server.evidence.CaseDesk;
import org.dunshield.store.Database;
import org.dunshield.store.Repositories;

/**
 * A real server with the web application over a real SQLite store in a temporary directory, wired
 * the way {@code dunshield serve} wires it. Not thread-safe; one per test.
 */
final class WebFixture implements AutoCloseable {
  final Database db;
  final DunshieldServer server;
  final Path dir;

  private WebFixture(Path dir, Database db, DunshieldServer server) {
    this.dir = dir;
    this.db = db;
    this.server = server;
  }

  static WebFixture singleUser(Path dir) {
    return start(dir, false, false, 1024 * 1024, 64);
  }

  static WebFixture accounts(Path dir, boolean signUp) {
    return start(dir, true, signUp, 1024 * 1024, 64);
  }

  /** Single-user mode on {@code host}. */
  static WebFixture startOn(Path dir, String host) {
    return start(dir, host, false, false, 1024 * 1024, 64);
  }

  static WebFixture start(Path dir, boolean accounts, boolean signUp, long uploadLimit, int permits) {
    return start(dir, "127.0.0.1", accounts, signUp, uploadLimit, permits);
  }

  static WebFixture start(Path dir, String host, boolean accounts, boolean signUp, long uploadLimit, int permits) {
    return start(dir, host, accounts, signUp, uploadLimit, permits, false);
  }

  /** With {@code reputationApi}, the community reputation routes are registered too. */
  static WebFixture start(Path dir, String host, boolean accounts, boolean signUp, long uploadLimit, int permits,
      boolean reputationApi) {
    Database db = Database.openDirectory(dir);
    Clock clock = Clock.systemUTC();
    Screener screener = Screener.standard(Detectors.checks(DetectionSettings.defaults()));
    CaseDesk cases = CaseDesk.ofDataDirectory(db, dir, clock, ConductFindings.NONE);
    Workspaces workspaces = new Workspaces(owner -> {
      Repositories r = db.forOwner(owner);
      return new Workspace(owner, r, db.historyQueries(owner),
          new LiveScreening(r.rules(), r.contacts(), r.settings(),
              new org.dunshield.store.GroupCommitHistory(r.history(), db.historyWriter(owner)), screener, clock,
              Duration.ZERO),
          screener, DetectionSettings.defaults(), new LoanDesk(r.loans(), LprTable.bundled(), clock),
          cases.forOwner(owner));
    });
    Reputations reputations = new Reputations(new InMemoryReputationRepository(), ReputationPolicy.defaults(), clock);
    DunshieldServer.WebOptions web = new DunshieldServer.WebOptions(workspaces, accounts ? db.accounts() : null,
        signUp, false, uploadLimit, permits, clock, reputations);
    DunshieldServer server;
    try {
      server = DunshieldServer.start(new DunshieldServer.Config(host, 0,
        workspaces.of(Database.LOCAL_OWNER).screening(), limit -> List.of(), null,
        reputationApi ? new org.dunshield.server.reputation.ReputationApi(reputations,
            org.dunshield.core.number.NumberParser.forRegion("CN"),
            org.dunshield.server.reputation.ReporterTokens.of("t0ken", "alice"),
            new org.dunshield.server.reputation.Publisher(reputations, dir.resolve("snapshots"), clock, 20,
                Duration.ofDays(8))) : null,
        null, web));
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
    return new WebFixture(dir, db, server);
  }

  /** Live screening of account {@code owner}, as the server builds it. */
  LiveScreening screening(long owner) {
    Repositories r = db.forOwner(owner);
    return new LiveScreening(r.rules(), r.contacts(), r.settings(), r.history(),
        Screener.standard(Detectors.checks(DetectionSettings.defaults())), Clock.systemUTC(), Duration.ZERO);
  }

  /** The cases of account {@code owner}, straight from the store. */
  java.util.List<org.dunshield.core.evidence.Case> workspaceCases(long owner) {
    return org.dunshield.store.EvidenceStore.of(db, dir.resolve("attachments"), Clock.systemUTC()).forOwner(owner)
        .cases().list();
  }

  String base() {
    return "http://127.0.0.1:" + server.port();
  }

  @Override
  public void close() {
    server.close();
    db.close();
  }
}
