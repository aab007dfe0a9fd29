package org.dunshield.cli.loan;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.dunshield.core.loan.Contract;
import org.dunshield.core.loan.Instalment;
import org.dunshield.core.loan.OverdueReport;
import org.dunshield.core.loan.Standing;
import org.dunshield.server.loan.LoanJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code loan list}: stored loans with where they stand today. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List stored loans.")
final class ListCommand implements Callable<Integer> {
  @ParentCommand LoanCommand loan;
  @Spec CommandSpec spec;
  @Mixin LprOption lpr;
  @Option(names = "--json", description = "Print one JSON document.") boolean json;

  @Override
  public Integer call() {
    List<Standing> standings = loan.desk(lpr.table()).standings();
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      LoanCommand.print(out, LoanJson.list(standings));
      return 0;
    }
    if (standings.isEmpty()) {
      out.println("no loans; add one with: dunshield loan add --lender NAME --amount A ...");
      return 0;
    }
    out.printf("%4s  %-24s  %12s  %-16s  %-10s  %12s  %6s  %s%n", "ID", "Lender", "Amount",
        "Method", "Signed", "Principal", "Late", "Next due");
    for (Standing s : standings) {
      Contract c = s.loan().contract();
      OverdueReport r = s.report();
      Instalment next = s.nextDue();
      out.printf("%4d  %s  %12s  %-16s  %-10s  %12s  %6s  %s%n", s.loan().id(),
          Tables.cell(c.lender().name(), 24), Tables.m(c.amount()), c.method().code(), c.signed(),
          Tables.m(r.outstandingPrincipal()), r.daysOverdue() > 0 ? r.daysOverdue() + "d" : "-",
          r.closed() ? "paid off " + r.closedOn()
              : next == null ? "-" : next.date() + " " + Tables.m(next.payment()));
    }
    return 0;
  }
}
