package org.dunshield.cli.loan;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dunshield.core.loan.CapCheck;
import org.dunshield.core.loan.Contract;
import org.dunshield.core.loan.LegalCap;
import org.dunshield.core.loan.PrincipalRecomputation;
import org.dunshield.core.loan.Schedule;
import org.dunshield.core.loan.TrueCost;
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
    Schedule schedule = Schedule.of(contract);
    TrueCost cost = TrueCost.of(contract, schedule);
    CapCheck cap = CapCheck.of(contract, schedule, cost, LegalCap.of(contract, lpr.table()));
    PrincipalRecomputation art670 = PrincipalRecomputation.of(contract);
    if (json) {
      LoanJson.print(out, document(contract, schedule, cost, cap, art670));
    } else {
      Tables.schedule(out, schedule);
      Tables.summary(out, contract, schedule, cost, cap, art670);
    }
    return 0;
  }

  static Map<String, Object> document(Contract contract, Schedule schedule, TrueCost cost,
      CapCheck cap, PrincipalRecomputation art670) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("contract", LoanJson.contract(contract));
    m.put("schedule", LoanJson.schedule(schedule));
    m.put("totalInterest", LoanJson.money(schedule.totalInterest()));
    m.put("closedFormInterest", LoanJson.money(Schedule.closedFormInterest(contract)));
    m.put("totalFees", LoanJson.money(schedule.totalFees().add(contract.withheld())));
    m.put("totalPaid", LoanJson.money(schedule.totalPaid()));
    m.put("netReceived", LoanJson.money(contract.netReceived()));
    m.put("cost", LoanJson.money(cost.cost()));
    m.put("apr", LoanJson.apr(cost));
    m.put("cap", LoanJson.cap(cap));
    m.put("art670", LoanJson.art670(art670));
    return m;
  }
}
