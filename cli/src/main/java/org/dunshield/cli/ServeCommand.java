package org.dunshield.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.dunshield.core.history.HistoryEntry;
import org.dunshield.core.loan.LoanDesk;
import org.dunshield.core.loan.LprTable;
import org.dunshield.server.DunshieldServer;
import org.dunshield.server.evidence.EvidenceApi;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code serve}: the HTTP server on the same store the CLI uses, until interrupted. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Start the web server and screening API.")
final class ServeCommand implements Callable<Integer> {
  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--port", defaultValue = "8080", description = "Port (default ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @picocli.CommandLine.Mixin ReputationServeOptions reputation;

  @Override
  public Integer call() throws InterruptedException, java.io.IOException {
    App app = main.app();
    LoanDesk loans = new LoanDesk(app.database().loans(), LprTable.bundled(), Clock.systemDefaultZone());
    DunshieldServer server = DunshieldServer.start(new DunshieldServer.Config(host, port,
        app.screening(Duration.ofSeconds(2)), limit -> recent(app, limit), loans, reputation.api(app),
        new EvidenceApi(CaseReports.desk(app))));
    spec.commandLine().getOut().println("Dunshield listening on http://" + host + ":" + server.port()
        + "/ (data: " + app.dataDir() + ")");
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
