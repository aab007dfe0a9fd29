package org.dunshield.cli.loan;

import java.io.PrintWriter;
import java.time.Clock;
import org.dunshield.cli.Main;
import org.dunshield.core.loan.LoanDesk;
import org.dunshield.core.loan.LoanRepository;
import org.dunshield.core.loan.LprTable;
import org.dunshield.server.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code loan}: schedules, true cost, legal caps, payments, overdue charges, reminders and deferral
 * requests. Stored loans live in the root command's store ({@code --data DIR} or {@code --db URL},
 * opened once by its {@link org.dunshield.cli.App}); tests pass a repository and a clock.
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
  @ParentCommand Main main;

  private final Clock clock;
  private final LoanRepository repository;

  /** Loans in the root command's store; today from the system clock in the default time zone. */
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
    if (repository != null) {
      return repository;
    }
    if (main == null) {
      throw new IllegalStateException("loan needs a repository or the dunshield root command");
    }
    return main.app().database().loans();
  }

  /** Prints one JSON document, indented, as every {@code --json} does. */
  static void print(PrintWriter out, Object document) {
    out.println(Json.pretty(document));
    out.flush();
  }

  /** Runs {@code loan ARGS} on its own (for tests and scripts); bad input exits with 2. */
  public static int run(LoanCommand command, PrintWriter out, PrintWriter err, String... args) {
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
