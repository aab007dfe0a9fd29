package org.dunshield.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.dunshield.cli.loan.LoanCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dunshield}: the root command. Global options come before the subcommand. */
@Command(
    name = "dunshield",
    mixinStandardHelpOptions = true,
    version = "Dunshield 0.1.0",
    description = "Screens calls and SMS from abusive debt collectors, keeps the evidence, runs the loan desk.",
    subcommands = {
      ServeCommand.class,
      ContactsCommand.class,
      RulesCommand.class,
      SettingsCommand.class,
      ScreenCommand.class,
      ImportCommand.class,
      HistoryCommand.class,
      ReplayCommand.class,
      ReputationCommand.class,
      LoanCommand.class,
      CaseCommand.class, ReportCommand.class, ComplainCommand.class, EvidenceCommand.class,
      ClassifyCommand.class, AnalyzeCommand.class, SipCommand.class, CdrCommand.class
    })
public final class Main implements Callable<Integer> {
  @Option(names = "--data", paramLabel = "DIR",
      description = "Data directory (default: $DUNSHIELD_DATA or ~/.dunshield).")
  Path data;

  @Option(names = "--db", paramLabel = "URL",
      description = "Database URL instead of the embedded SQLite file, e.g. jdbc:postgresql://host/db?user=u&password=p.")
  String db;

  @Option(names = "--lang", paramLabel = "zh|en", description = "Language of human messages (default from $LANG).")
  String lang;

  private App app;

  /** The application, opened on first use with the global options. */
  public App app() {
    if (app == null) {
      app = App.open(data, db, lang);
    }
    return app;
  }

  @Override
  public Integer call() {
    new CommandLine(this).usage(System.out);
    return 0;
  }

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line; returns the exit code. Used by tests with captured output. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    Main main = new Main();
    CommandLine cli = new CommandLine(main);
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(new Failures());
    try {
      return cli.execute(args);
    } finally {
      if (main.app != null) {
        main.app.close();
      }
    }
  }
}
