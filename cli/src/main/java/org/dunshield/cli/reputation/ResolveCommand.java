package org.dunshield.cli.reputation;

import java.util.concurrent.Callable;
import org.dunshield.cli.ReputationCommand;
import org.dunshield.core.reputation.Dispute;
import org.dunshield.core.screen.Category;
import org.dunshield.server.reputation.ReputationJson;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code reputation resolve ID (--uphold [--category C] | --reject)}: the operator decides a dispute. */
@Command(name = "resolve", mixinStandardHelpOptions = true,
    description = "Decide a dispute: upholding withdraws the harmful reports and counts against their reporters.")
public final class ResolveCommand implements Callable<Integer> {
  @ParentCommand ReputationCommand parent;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "ID") long id;

  static final class Decision {
    @Option(names = "--uphold", required = true) boolean uphold;
    @Option(names = "--reject", required = true) boolean reject;
  }

  @ArgGroup(exclusive = true, multiplicity = "1") Decision decision;

  @Option(names = "--category", paramLabel = "C", defaultValue = "normal",
      description = "The benign category an upheld number gets (default ${DEFAULT-VALUE}).")
  String category;

  @Option(names = "--json") boolean json;

  @Override
  public Integer call() {
    Dispute d = parent.app().reputations().resolve(id, decision.uphold, Category.fromCode(category));
    if (json) {
      Print.json(spec, ReputationJson.dispute(d));
    } else {
      Print.line(spec, "dispute #" + d.id() + " " + d.state().code());
    }
    return 0;
  }
}
