package org.dunshield.cli.loan;

import java.util.concurrent.Callable;
import org.dunshield.core.loan.Contract;
import org.dunshield.server.loan.LoanJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code loan add}: stores a contract; prints its id. */
@Command(name = "add", mixinStandardHelpOptions = true,
    description = "Store a loan contract (same options as calc, plus --lender, --lender-kind, --signed).")
final class AddCommand implements Callable<Integer> {
  @ParentCommand LoanCommand loan;
  @Spec CommandSpec spec;
  @Mixin ContractOptions terms;
  @Mixin LprOption lpr;
  @Option(names = "--json", description = "Print one JSON document.") boolean json;

  @Override
  public Integer call() {
    if (terms.lender == null || terms.lender.isBlank()) {
      throw new IllegalArgumentException("--lender is required: the lender's name as on the contract");
    }
    Contract contract = terms.toContract(loan.clock());
    long id = loan.desk(lpr.table()).add(contract);
    if (json) {
      LoanCommand.print(spec.commandLine().getOut(), LoanJson.added(id, contract));
    } else {
      spec.commandLine().getOut().printf("loan %d added: %s %s from %s%n", id,
          Tables.m(contract.amount()), contract.currency().getCurrencyCode(),
          contract.lender().name());
    }
    return 0;
  }
}
