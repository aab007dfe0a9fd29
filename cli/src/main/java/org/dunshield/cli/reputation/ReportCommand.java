package org.dunshield.cli.reputation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dunshield.cli.ReputationCommand;
import org.dunshield.core.number.PhoneNumber;
import org.dunshield.core.reputation.ReportOutcome;
import org.dunshield.core.reputation.Reputations;
import org.dunshield.core.screen.Category;
import org.dunshield.server.reputation.ReputationJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code reputation report NUMBER --category C [--comment TEXT] [--as REPORTER]}. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Report a number (one live report per reporter and number; a new one replaces the old).")
public final class ReportCommand implements Callable<Integer> {
  @ParentCommand ReputationCommand parent;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "NUMBER") String number;

  @Option(names = "--category", required = true, paramLabel = "C",
      description = "debt_collection, threat, fraud, marketing, call_bombing, sms_bombing, one_ring, robocall,"
          + " verification_code, normal, institution or delivery (a counter-report: \"this is my bank\").")
  String category;

  @Option(names = "--comment", paramLabel = "TEXT", description = "What happened (at most 280 characters).")
  String comment;

  @Option(names = "--as", paramLabel = "REPORTER", defaultValue = Reputations.LOCAL_REPORTER,
      description = "Who reports (default ${DEFAULT-VALUE}, the vouched local user).")
  String reporter;

  @Option(names = "--json") boolean json;

  @Override
  public Integer call() {
    var app = parent.app();
    Category c = Category.fromCode(category);
    PhoneNumber n = app.numbers().parse(number);
    Reputations reputations = app.reputations();
    ReportOutcome outcome = reputations.report(n, c, comment, reporter);
    var after = reputations.lookup(n);
    if (json) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT));
      doc.put("reputation", ReputationJson.reputation(after, reputations.policy().threshold()));
      Print.json(spec, doc);
    } else {
      Print.line(spec, (outcome == ReportOutcome.ACCEPTED ? "reported " : "report replaced: ") + n.e164() + " as "
          + c.code() + " by " + reporter + "; now " + LookupCommand.summary(after, reputations.policy().threshold(),
          app.language()));
    }
    return 0;
  }
}
