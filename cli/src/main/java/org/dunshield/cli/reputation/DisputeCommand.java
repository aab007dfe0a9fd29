package org.dunshield.cli.reputation;

import java.util.concurrent.Callable;
import org.dunshield.cli.ReputationCommand;
import org.dunshield.core.reputation.Dispute;
import org.dunshield.server.reputation.ReputationJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code reputation dispute NUMBER --statement TEXT [--as CLAIMANT]}: the owner contests a label. */
@Command(name = "dispute", mixinStandardHelpOptions = true,
    description = "Contest a number's label as its owner; while open, the number is silenced instead of blocked.")
public final class DisputeCommand implements Callable<Integer> {
  @ParentCommand ReputationCommand parent;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "NUMBER") String number;

  @Option(names = "--statement", required = true, paramLabel = "TEXT", description = "Why the label is wrong.")
  String statement;

  @Option(names = "--as", paramLabel = "CLAIMANT", defaultValue = "local") String claimant;

  @Option(names = "--json") boolean json;

  @Override
  public Integer call() {
    var app = parent.app();
    Dispute d = app.reputations().dispute(app.numbers().parse(number), claimant, statement);
    if (json) {
      Print.json(spec, ReputationJson.dispute(d));
    } else {
      Print.line(spec, "dispute #" + d.id() + " opened for " + d.number().e164()
          + "; resolve it with: reputation resolve " + d.id() + " --uphold|--reject");
    }
    return 0;
  }
}
