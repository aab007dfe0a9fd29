package org.dunshield.cli.loan;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.dunshield.core.loan.CapCheck;
import org.dunshield.core.loan.Contract;
import org.dunshield.core.loan.LegalCap;
import org.dunshield.core.loan.PrincipalRecomputation;
import org.dunshield.core.loan.Schedule;
import org.dunshield.core.loan.TrueCost;
import org.dunshield.server.loan.LoanJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code loan calc}: the schedule, its true cost and the legal cap, without storing anything. */
@Command(name = "calc", mixinStandardHelpOptions = true,
    description = "Compute a schedule, its true cost (IRR) and the legal cap.")
final class CalcCommand implements Callable<Integer> {
  @ParentCommand LoanCommand loan;
  @Spec CommandSpec spec;
  @Mixin ContractOptions terms;
  @Mixin LprOption lpr;
  @Option(names = "--json", description = "Print one JSON document.") boolean json;

  @Override
  public Integer call() {
    Contract contract = terms.toContract(loan.clock());
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      LoanCommand.print(out, LoanJson.calc(contract, lpr.table()));
      return 0;
    }
    Schedule schedule = Schedule.of(contract);
    TrueCost cost = TrueCost.of(contract, schedule);
    CapCheck cap = CapCheck.of(contract, schedule, cost, LegalCap.of(contract, lpr.table()));
    Tables.schedule(out, schedule);
    Tables.summary(out, contract, schedule, cost, cap, PrincipalRecomputation.of(contract));
    return 0;
  }
}
