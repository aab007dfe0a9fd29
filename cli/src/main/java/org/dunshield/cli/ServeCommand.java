package org.dunshield.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import org.dunshield.core.detect.DetectionSettings;
import org.dunshield.core.history.HistoryEntry;
import org.dunshield.core.loan.LoanDesk;
import org.dunshield.core.loan.LprTable;
import org.dunshield.core.screen.LiveScreening;
import org.dunshield.core.screen.Screener;
import org.dunshield.server.DunshieldServer;
import org.dunshield.store.GroupCommitHistory;
import org.dunshield.server.Workspace;
import org.dunshield.server.Workspaces;
import org.dunshield.server.evidence.CaseDesk;
import org.dunshield.server.evidence.EvidenceApi;
import org.dunshield.server.reputation.ReputationApi;
import org.dunshield.store.Repositories;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code serve}: the web application and the HTTP API on the same store the CLI uses, until
 * interrupted. Without {@code --accounts} it is the single-user application (no sign-in, everything
 * belongs to the local owner) and listens only on loopback; with it, people sign up and in, and
 * each account sees only its own data.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Start the web application and the HTTP API.")
final class ServeCommand implements Callable<Integer> {
  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Option(names = "--host", defaultValue = "127.0.0.1",
      description = "Address to listen on (default ${DEFAULT-VALUE}; anything but loopback needs --accounts).")
  String host;

  @Option(names = "--port", defaultValue = "8080", description = "Port (default ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(names = "--accounts",
      description = "Multi-user mode: sign-up, sign-in, per-account data, personal API tokens. Account 1 owns the data of single-user mode.")
  boolean accounts;

  @Option(names = "--no-signup", negatable = false,
      description = "With --accounts: nobody may create an account from the web (the operator creates them by enabling it briefly).")
  boolean noSignUp;

  @Option(names = "--secure-cookies",
      description = "Mark cookies Secure (when a TLS proxy in front serves the site over https).")
  boolean secureCookies;

  @Option(names = "--upload-limit-mb", defaultValue = "50", paramLabel = "MB",
      description = "Largest import upload (default ${DEFAULT-VALUE} MB).")
  int uploadLimitMb;

  @Option(names = "--screening-permits", defaultValue = "64", paramLabel = "N",
      description = "Screening requests handled at once; more are answered 503 with Retry-After (default ${DEFAULT-VALUE}).")
  int screeningPermits;

  @picocli.CommandLine.Mixin ReputationServeOptions reputation;

  @Override
  public Integer call() throws InterruptedException, java.io.IOException {
    if (uploadLimitMb < 1 || uploadLimitMb > 2048) {
      throw new IllegalArgumentException("--upload-limit-mb must be between 1 and 2048, got " + uploadLimitMb);
    }
    App app = main.app();
    Clock clock = Clock.systemDefaultZone();
    LoanDesk loans = new LoanDesk(app.database().loans(), LprTable.bundled(), clock);
    ReputationApi reputationApi = reputation.api(app);
    CaseDesk cases = CaseReports.desk(app);
    Screener screener = app.screener();
    DetectionSettings detection = app.detection();
    // after the refresh time a screening request is decided on the cached rules while this thread
    // reloads them; the pages that change rules, contacts or settings invalidate, which reloads at once
    ExecutorService reloads = LiveScreening.reloadThread("dunshield-web-reload");
    Workspaces workspaces = new Workspaces(owner -> {
      Repositories r = app.database().forOwner(owner);
      // concurrent screening requests of one account share history transactions (group commit)
      LiveScreening screening = new LiveScreening(r.rules(), r.contacts(), r.settings(),
          new GroupCommitHistory(r.history(), app.database().historyWriter(owner)), screener, app.clock(),
          Duration.ofSeconds(2), reloads);
      return new Workspace(owner, r, app.database().historyQueries(owner), screening, screener, detection,
          new LoanDesk(r.loans(), LprTable.bundled(), clock), cases.forOwner(owner));
    });
    DunshieldServer.WebOptions web = new DunshieldServer.WebOptions(workspaces,
        accounts ? app.database().accounts() : null, accounts && !noSignUp, secureCookies,
        uploadLimitMb * 1024L * 1024L, screeningPermits, app.clock(),
        reputationApi != null ? reputationApi.reputations() : app.reputations());
    DunshieldServer server = DunshieldServer.start(new DunshieldServer.Config(host, port,
        workspaces.of(org.dunshield.store.Database.LOCAL_OWNER).screening(), limit -> recent(app, limit), loans,
        reputationApi, new EvidenceApi(cases), web));
    spec.commandLine().getOut().println("Dunshield listening on http://" + host + ":" + server.port()
        + "/ (data: " + app.dataDir() + (accounts ? ", accounts" : ", single user") + ")");
    spec.commandLine().getOut().flush();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "dunshield-shutdown"));
    stopped.await();
    return 0;
  }

  private static List<HistoryEntry> recent(App app, int limit) {
    Instant since = app.clock().instant().minus(Duration.ofDays(30));
    List<HistoryEntry> all = new ArrayList<>(app.database().history().list(since, null));
    Collections.reverse(all);
    return all.subList(0, Math.min(limit, all.size()));
  }
}
