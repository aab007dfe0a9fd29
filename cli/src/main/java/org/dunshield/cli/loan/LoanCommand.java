package org.dunshield.cli.loan;

import java.nio.file.Path;
import java.time.Clock;
import org.dunshield.core.loan.LoanDesk;
import org.dunshield.core.loan.LoanRepository;
import org.dunshield.core.loan.LprTable;
import org.dunshield.store.loan.LoanStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Spec;

/**
 * {@code loan}: schedules, true cost, legal caps, payments, overdue charges, reminders and deferral
 * requests. Stored loans live where the root command's {@code --data DIR} or {@code --db URL} say
 * (default {@code $DUNSHIELD_DATA} or {@code ~/.dunshield}); tests pass a repository and a clock.
 */
@Command(
    name = "loan",
    mixinStandardHelpOptions = true,
    description = "The loan desk: schedules, true cost (IRR), legal caps, payments, overdue, reminders,"
        + " deferral requests.",
    subcommands = {
      CalcCommand.class,
      XirrCommand.class,
      AddCommand.class,
      ListCommand.class,
      PayCommand.class,
      OverdueCommand.class,
      CalendarCommand.class,
      DeferralCommand.class
    })
public final class LoanCommand implements Runnable {
  @Spec CommandSpec spec;

  private final Clock clock;
  private LoanRepository repository;

  /** Loans in the store the root command's options name; today from the system clock. */
  public LoanCommand() {
    this(null, Clock.systemDefaultZone());
  }

  /** Loans in {@code repository} (or the root command's store when {@code null}); today from {@code clock}. */
  public LoanCommand(LoanRepository repository, Clock clock) {
    this.repository = repository;
    this.clock = clock;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  Clock clock() {
    return clock;
  }

  LoanDesk desk(LprTable lpr) {
    return new LoanDesk(repository(), lpr, clock);
  }

  private LoanRepository repository() {
    if (repository == null) {
      Path data = rootOption("--data");
      String db = rootOption("--db");
      repository = db != null && !db.isBlank()
          ? LoanStore.open(db, null, null).loans()
          : LoanStore.openDirectory(dataDirectory(data)).loans();
    }
    return repository;
  }

  private <T> T rootOption(String name) {
    for (CommandSpec s = spec.parent(); s != null; s = s.parent()) {
      OptionSpec option = s.findOption(name);
      if (option != null) {
        return option.getValue();
      }
    }
    return null;
  }

  /** {@code --data}, else {@code $DUNSHIELD_DATA}, else {@code ~/.dunshield}, as the root command. */
  private static Path dataDirectory(Path option) {
    if (option != null) {
      return option.toAbsolutePath();
    }
    String env = System.getenv("DUNSHIELD_DATA");
    if (env != null && !env.isBlank()) {
      return Path.of(env).toAbsolutePath();
    }
    return Path.of(System.getProperty("user.home"), ".dunshield");
  }

  /** Runs {@code loan ARGS} on its own (for tests and scripts); bad input exits with 2. */
  public static int run(LoanCommand command, java.io.PrintWriter out, java.io.PrintWriter err,
      String... args) {
    CommandLine cli = new CommandLine(command);
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler((e, line, parsed) -> {
      if (e instanceof IllegalArgumentException) {
        line.getErr().println("dunshield: " + e.getMessage());
        return 2;
      }
      throw e;
    });
    return cli.execute(args);
  }
}
