package org.dunshield.cli.loan;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.dunshield.core.loan.DefaultConsequences;
import org.dunshield.core.loan.Language;
import org.dunshield.core.loan.LoanDesk;
import org.dunshield.core.loan.OverdueReport;
import org.dunshield.server.loan.LoanJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code loan overdue ID [--as-of DATE]}: days overdue, charges claimed and supported. */
@Command(name = "overdue", mixinStandardHelpOptions = true,
    description = "Where a loan stands: days overdue, overdue interest and damages as claimed, and"
        + " what a court would support.")
final class OverdueCommand implements Callable<Integer> {
  @ParentCommand LoanCommand loan;
  @Spec CommandSpec spec;
  @Mixin LprOption lpr;
  @Parameters(paramLabel = "ID", description = "The loan's id (see loan list).") long id;
  @Option(names = "--as-of", paramLabel = "DATE", description = "Day to assess (default: today).") String asOf;
  @Option(names = "--lang", defaultValue = "en", paramLabel = "zh|en",
      description = "Language of the consequences of default (default: ${DEFAULT-VALUE}).") String lang;
  @Option(names = "--json", description = "Print one JSON document.") boolean json;

  @Override
  public Integer call() {
    LoanDesk desk = loan.desk(lpr.table());
    OverdueReport r = desk.overdue(id, Dates.parseOr("--as-of", asOf, desk.today()));
    Language language = Language.fromCode(lang);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      LoanCommand.print(out, LoanJson.overdue(id, r, language));
      return 0;
    }
    if (r.closed()) {
      out.printf("loan %d was paid off on %s%n", id, r.closedOn());
      return 0;
    }
    out.printf("Loan %d as of %s: %d days overdue%n", id, r.asOf(), r.daysOverdue());
    out.printf("  Overdue principal %s, interest %s, fees %s%n", Tables.m(r.overduePrincipal()),
        Tables.m(r.overdueInterest()), Tables.m(r.overdueFees()));
    out.printf("  Claimed: overdue interest %s, liquidated damages %s (paid %s)%n",
        Tables.m(r.overdueInterestClaimed()), Tables.m(r.damagesClaimed()),
        Tables.m(r.chargesPaid()));
    out.printf("  A court supports %s of those charges (%s, %s %% a year); %s above it%n",
        Tables.m(r.chargesSupported()), r.cap().rule().code(),
        r.cap().limitPercent().toPlainString(), Tables.m(r.chargesExcess()));
    out.printf("  Overdue now: %s as claimed, %s as supported%n", Tables.m(r.overdueClaimed()),
        Tables.m(r.overdueSupported()));
    out.printf("  Principal outstanding %s; to settle everything today as claimed: %s%n",
        Tables.m(r.outstandingPrincipal()), Tables.m(r.payoff()));
    out.println();
    for (String s : DefaultConsequences.of(language)) {
      out.println("  - " + s);
    }
    return 0;
  }
}
