package org.dunshield.cli;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.dunshield.core.detect.DetectionSettings;
import org.dunshield.core.detect.Detectors;
import org.dunshield.core.number.NumberParser;
import org.dunshield.core.reputation.ReputationCheck;
import org.dunshield.core.reputation.ReputationLookup;
import org.dunshield.core.reputation.ReputationSettings;
import org.dunshield.core.reputation.Reputations;
import org.dunshield.core.reputation.offline.ReputationIndex;
import org.dunshield.core.screen.Check;
import org.dunshield.core.screen.LiveScreening;
import org.dunshield.core.screen.Screener;
import org.dunshield.core.settings.Settings;
import org.dunshield.store.Database;
import org.dunshield.store.reputation.ReputationStore;

/**
 * The composition root: where the data lives, the open database, the clock and the language. One
 * per process; not thread-safe while opening.
 */
public final class App implements AutoCloseable {
  private final Path dataDir;
  private final Database database;
  private final Clock clock;
  private final String language;
  private final String dbUrl;
  private ReputationStore reputationStore;

  private App(Path dataDir, Database database, Clock clock, String language, String dbUrl) {
    this.dataDir = dataDir;
    this.database = database;
    this.clock = clock;
    this.language = language;
    this.dbUrl = dbUrl;
  }

  /**
   * Opens the store: {@code db} when given (PostgreSQL for multi-user deployments), else the SQLite
   * file in {@code data}, {@code $DUNSHIELD_DATA} or {@code ~/.dunshield}.
   */
  static App open(Path data, String db, String lang) {
    Path dir = dataDirectory(data);
    Clock clock = Clock.systemUTC();
    Database database = db != null && !db.isBlank() ? Database.open(db, null, null, clock)
        : Database.openDirectory(dir, clock);
    return new App(dir, database, clock, language(lang), db != null && !db.isBlank() ? db : null);
  }

  static Path dataDirectory(Path option) {
    if (option != null) {
      return option.toAbsolutePath();
    }
    String env = System.getenv("DUNSHIELD_DATA");
    if (env != null && !env.isBlank()) {
      return Path.of(env).toAbsolutePath();
    }
    return Path.of(System.getProperty("user.home"), ".dunshield");
  }

  static String language(String option) {
    String lang = option;
    if (lang == null || lang.isBlank()) {
      lang = System.getenv("LANG");
    }
    if (lang != null && lang.toLowerCase(Locale.ROOT).startsWith("zh")) {
      return "zh";
    }
    if (option != null && !option.isBlank() && !option.toLowerCase(Locale.ROOT).startsWith("en")) {
      throw new IllegalArgumentException("--lang must be zh or en, got '" + option + "'");
    }
    return "en";
  }

  public Database database() {
    return database;
  }

  public Path dataDir() {
    return dataDir;
  }

  public Clock clock() {
    return clock;
  }

  /** {@code zh} or {@code en}. */
  public String language() {
    return language;
  }

  public Settings settings() {
    return database.settings().load();
  }

  /** A number parser for the configured default region. */
  public NumberParser numbers() {
    return NumberParser.forRegion(settings().region());
  }

  /** Live screening on the stored rules, contacts, settings and history. */
  public LiveScreening screening(Duration refresh) {
    return new LiveScreening(database.rules(), database.contacts(), database.settings(), database.history(),
        screener(), clock, refresh);
  }

  /** The engine: the built-in checks plus the detectors and the reputation check (when enabled). */
  public Screener screener() {
    List<Check> extra = new java.util.ArrayList<>(Detectors.checks(detection()));
    extra.addAll(extraChecks());
    return Screener.standard(extra);
  }

  private List<Check> extraChecks() {
    ReputationSettings s = reputationSettings();
    return s.enabled() ? List.of(new ReputationCheck(reputationLookup(s.threshold()), s.threshold(), s.priority()))
        : List.of();
  }

  /** The file of detector settings ({@code key=value}, see docs/detection.md), inside the data directory. */
  public static final String DETECTION_FILE = "detection.properties";

  /** The detector settings: the defaults, changed by {@value #DETECTION_FILE} when it exists. */
  public DetectionSettings detection() {
    Path file = dataDir.resolve(DETECTION_FILE);
    if (!Files.isRegularFile(file)) {
      return DetectionSettings.defaults();
    }
    java.util.Properties p = new java.util.Properties();
    try (java.io.Reader in = Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("read " + file, e);
    }
    java.util.Map<String, String> map = new java.util.TreeMap<>();
    p.stringPropertyNames().forEach(k -> map.put(k, p.getProperty(k)));
    try {
      return DetectionSettings.fromMap(map);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  /** The file {@code reputation sync} keeps a server's published reputation in, inside the data directory. */
  public static final String OFFLINE_SNAPSHOT = "reputation-offline.dsnap";

  /** The local reputation, then the offline copy of a server's (when synced). */
  private ReputationLookup reputationLookup(double threshold) {
    Path offline = dataDir.resolve(OFFLINE_SNAPSHOT);
    if (!Files.isRegularFile(offline)) {
      return reputations().forScreening(java.time.Duration.ofSeconds(2));
    }
    try (InputStream in = new BufferedInputStream(Files.newInputStream(offline))) {
      return reputations().orElse(ReputationIndex.load(in, threshold), threshold);
    } catch (IOException e) {
      throw new UncheckedIOException("read the offline reputation " + offline + " (run reputation sync again)", e);
    }
  }

  /** The community reputation on the same store, with the stored reputation settings. */
  public Reputations reputations() {
    return new Reputations(reputationStore().reputation(), reputationSettings().policy(), clock);
  }

  public ReputationSettings reputationSettings() {
    return ReputationSettings.fromMap(reputationStore().reputation().settings());
  }

  private ReputationStore reputationStore() {
    if (reputationStore == null) {
      reputationStore = dbUrl != null ? ReputationStore.open(dbUrl, null, null) : ReputationStore.openDirectory(dataDir);
    }
    return reputationStore;
  }

  @Override
  public void close() {
    if (reputationStore != null) {
      reputationStore.close();
    }
    database.close();
  }
}
