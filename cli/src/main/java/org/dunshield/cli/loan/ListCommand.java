package org.dunshield.cli.loan;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dunshield.core.loan.Instalment;
import org.dunshield.core.loan.Loan;
import org.dunshield.core.loan.LoanDesk;
import org.dunshield.core.loan.OverdueReport;
import org.dunshield.core.loan.Schedule;
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
    LoanDesk desk = loan.desk(lpr.table());
    LocalDate today = desk.today();
    List<Object> rows = new ArrayList<>();
    PrintWriter out = spec.commandLine().getOut();
    List<Loan> loans = desk.list();
    if (!json && !loans.isEmpty()) {
      out.printf("%4s  %-24s  %12s  %-16s  %-10s  %12s  %6s  %s%n", "ID", "Lender", "Amount",
          "Method", "Signed", "Principal", "Late", "Next due");
    }
    for (Loan l : loans) {
      LocalDate asOf = today.isBefore(l.contract().signed()) ? l.contract().signed() : today;
      OverdueReport r = desk.overdue(l.id(), asOf);
      Instalment next = r.closed() ? null : nextDue(Schedule.of(l.contract()), asOf);
      BigDecimal paid = l.payments().stream().map(p -> p.amount()).reduce(BigDecimal.ZERO,
          BigDecimal::add);
      if (json) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", l.id());
        m.put("lender", l.contract().lender().name());
        m.put("lenderKind", l.contract().lender().kind().code());
        m.put("amount", LoanJson.money(l.contract().amount()));
        m.put("method", l.contract().method().code());
        m.put("term", l.contract().term().toString());
        m.put("signed", l.contract().signed().toString());
        m.put("paid", LoanJson.money(paid));
        m.put("outstandingPrincipal", LoanJson.money(r.outstandingPrincipal()));
        m.put("daysOverdue", r.daysOverdue());
        m.put("closed", r.closed());
        m.put("nextDue", next == null ? null : LoanJson.pair("date", next.date().toString(),
            "amount", LoanJson.money(next.payment())));
        rows.add(m);
      } else {
        out.printf("%4d  %s  %12s  %-16s  %-10s  %12s  %6s  %s%n", l.id(),
            Tables.cell(l.contract().lender().name(), 24),
            Tables.m(l.contract().amount()), l.contract().method().code(), l.contract().signed(),
            Tables.m(r.outstandingPrincipal()), r.daysOverdue() > 0 ? r.daysOverdue() + "d" : "-",
            r.closed() ? "paid off " + r.closedOn()
                : next == null ? "-" : next.date() + " " + Tables.m(next.payment()));
      }
    }
    if (json) {
      LoanJson.print(out, Map.of("loans", rows));
    } else if (loans.isEmpty()) {
      out.println("no loans; add one with: dunshield loan add --lender NAME --amount A ...");
    }
    return 0;
  }

  private static Instalment nextDue(Schedule s, LocalDate asOf) {
    for (Instalment i : s.instalments()) {
      if (!i.date().isBefore(asOf)) {
        return i;
      }
    }
    return null;
  }
}
