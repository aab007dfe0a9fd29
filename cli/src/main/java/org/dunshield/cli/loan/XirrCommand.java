package org.dunshield.cli.loan;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.dunshield.core.loan.CashFlow;
import org.dunshield.core.loan.Irr;
import org.dunshield.server.loan.LoanJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code loan xirr --flow DATE:AMOUNT ...}: the annual rate of irregular cash flows. */
@Command(name = "xirr", mixinStandardHelpOptions = true,
    description = "Annual rate of return of dated cash flows (money received positive, paid negative).")
final class XirrCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--flow", required = true, paramLabel = "DATE:AMOUNT",
      description = "A cash flow, e.g. 2024-01-01:10000 or 2024-02-01:-888.49; repeat.")
  List<String> flows;

  @Option(names = "--json", description = "Print one JSON document.") boolean json;

  @Override
  public Integer call() {
    List<CashFlow> parsed = new ArrayList<>();
    for (String f : flows) {
      parsed.add(CashFlow.parse(f));
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      LoanCommand.print(out, LoanJson.xirr(parsed));
    } else {
      BigDecimal rate = Irr.xirr(parsed);
      out.printf("XIRR %s %% a year (%s)%n", Irr.percent(rate, 2), rate.toPlainString());
    }
    return 0;
  }
}
