package org.dunshield.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.dunshield.server.reputation.Publisher;
import org.dunshield.server.reputation.ReporterTokens;
import org.dunshield.server.reputation.ReputationApi;
import picocli.CommandLine.Option;

/**
 * The {@code serve} options of the reputation API (docs/reputation.md): who may report, how
 * anonymous range answers must be, how often the snapshot is republished. Builds the API.
 */
final class ReputationServeOptions {
  /** Snapshots older than this are deleted; deltas can start from any kept one. */
  static final Duration KEEP = Duration.ofDays(8);

  @Option(names = "--reporter-tokens", paramLabel = "FILE",
      description = "Lines 'TOKEN REPORTER' of who may report through the API (default $DUNSHIELD_REPORTER_TOKENS;"
          + " none: the API takes no reports).")
  Path tokens;

  @Option(names = "--range-minimum", paramLabel = "K", defaultValue = "50",
      description = "Fewest entries any hash-prefix range answer covers (default ${DEFAULT-VALUE}).")
  int rangeMinimum;

  @Option(names = "--publish-every", paramLabel = "MINUTES", defaultValue = "60",
      description = "Republish the snapshot (and range index) this often (default ${DEFAULT-VALUE}).")
  int publishEveryMinutes;

  /** The API over the app's reputation; publishing runs on a daemon thread from now on. */
  ReputationApi api(App app) throws IOException {
    if (rangeMinimum < 1 || publishEveryMinutes < 1) {
      throw new IllegalArgumentException("--range-minimum and --publish-every must be at least 1");
    }
    Publisher publisher = new Publisher(app.reputations(), app.dataDir().resolve("reputation-snapshots"), app.clock(),
        rangeMinimum, KEEP);
    ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "dunshield-reputation-publisher");
      t.setDaemon(true);
      return t;
    });
    schedule.scheduleAtFixedRate(() -> {
      try {
        publisher.publish();
      } catch (RuntimeException e) {
        System.err.println("dunshield: could not publish the reputation snapshot: " + e.getMessage());
      }
    }, 0, publishEveryMinutes, TimeUnit.MINUTES);
    return new ReputationApi(app.reputations(), app.numbers(), reporterTokens(), publisher);
  }

  private ReporterTokens reporterTokens() throws IOException {
    Path file = tokens;
    if (file == null) {
      String env = System.getenv("DUNSHIELD_REPORTER_TOKENS");
      if (env == null || env.isBlank()) {
        return ReporterTokens.none();
      }
      file = Path.of(env);
    }
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return ReporterTokens.read(in, file.toString());
    }
  }
}
