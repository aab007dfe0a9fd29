package org.dunshield.cli.reputation;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import org.dunshield.cli.ReputationCommand;
import org.dunshield.core.number.PhoneNumber;
import org.dunshield.core.reputation.Reputation;
import org.dunshield.core.reputation.ReputationCheck;
import org.dunshield.core.reputation.Reputations;
import org.dunshield.server.reputation.ReputationJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code reputation lookup NUMBER [--json]}: what the reputation says about a number; records nothing. */
@Command(name = "lookup", mixinStandardHelpOptions = true,
    description = "What the community reputation says about a number (its own reports, else its block).")
public final class LookupCommand implements Callable<Integer> {
  @ParentCommand ReputationCommand parent;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "NUMBER") String number;

  @Option(names = "--at", paramLabel = "ISO-8601", description = "As of this time (default now).")
  String at;

  @Option(names = "--json") boolean json;

  @Override
  public Integer call() {
    var app = parent.app();
    PhoneNumber n = app.numbers().parse(number);
    Reputations reputations = app.reputations();
    Reputation r = reputations.lookup(n, at == null ? app.clock().instant() : instant(at));
    double threshold = reputations.policy().threshold();
    if (json) {
      Print.json(spec, ReputationJson.reputation(r, threshold));
    } else {
      Print.line(spec, n.e164() + ": " + summary(r, threshold, app.language()));
    }
    return 0;
  }

  static String summary(Reputation r, double threshold, String language) {
    if (r.category() == null) {
      return language.equals("zh") ? "没有举报" : "no reports";
    }
    String reason = ReputationCheck.reason(r).in(language);
    String state = r.settled(threshold) ? (language.equals("zh") ? "已确认" : "settled")
        : (language.equals("zh") ? "未达阈值" : "below the threshold");
    return reason + String.format(" (score %.2f, %s)", r.score(), state);
  }

  private static Instant instant(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("--at: '" + text + "' is not an ISO-8601 time with offset, e.g. "
          + "2026-10-14T10:00:00+08:00");
    }
  }
}
