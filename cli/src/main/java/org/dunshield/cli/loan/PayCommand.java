package org.dunshield.cli.loan;

import java.util.concurrent.Callable;
import org.dunshield.core.loan.Allocation;
import org.dunshield.core.loan.LoanDesk;
import org.dunshield.core.loan.Money;
import org.dunshield.core.loan.Payment;
import org.dunshield.server.loan.LoanJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code loan pay ID --amount A [--date DATE]}: records a payment after checking it. */
@Command(name = "pay", mixinStandardHelpOptions = true,
    description = "Record a payment; shows where it went (costs, interest, principal: art. 561).")
final class PayCommand implements Callable<Integer> {
  @ParentCommand LoanCommand loan;
  @Spec CommandSpec spec;
  @Mixin LprOption lpr;
  @Parameters(paramLabel = "ID", description = "The loan's id (see loan list).") long id;
  @Option(names = "--amount", required = true, paramLabel = "A") String amount;
  @Option(names = "--date", paramLabel = "DATE", description = "Day paid (default: today).") String date;
  @Option(names = "--json", description = "Print one JSON document.") boolean json;

  @Override
  public Integer call() {
    LoanDesk desk = loan.desk(lpr.table());
    Payment payment = new Payment(Dates.parseOr("--date", date, desk.today()), Money.parse(amount));
    Allocation a = desk.pay(id, payment);
    if (json) {
      LoanCommand.print(spec.commandLine().getOut(), LoanJson.payment(id, payment, a));
    } else {
      spec.commandLine().getOut().printf(
          "payment of %s on %s recorded: costs %s, interest %s, principal %s%s%s%n",
          Tables.m(payment.amount()), payment.date(), Tables.m(a.costs()), Tables.m(a.interest()),
          Tables.m(a.principal()),
          a.prepaid().signum() > 0 ? ", prepaid principal " + Tables.m(a.prepaid()) : "",
          a.closesLoan() ? "; the loan is paid off" : "");
    }
    return 0;
  }
}
