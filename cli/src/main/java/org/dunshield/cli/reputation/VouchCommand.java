package org.dunshield.cli.reputation;

import java.util.concurrent.Callable;
import org.dunshield.cli.ReputationCommand;
import org.dunshield.core.reputation.Reporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code reputation vouch REPORTER [--revoke]}: the operator vouches for a reporter (full trust, no daily limit). */
@Command(name = "vouch", mixinStandardHelpOptions = true,
    description = "Vouch for a reporter (a verified bank account, a moderator): full trust, no daily limit.")
public final class VouchCommand implements Callable<Integer> {
  @ParentCommand ReputationCommand parent;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "REPORTER") String reporter;

  @Option(names = "--revoke", description = "Withdraw the vouching.") boolean revoke;

  @Override
  public Integer call() {
    Reporter r = parent.app().reputations().vouch(reporter, !revoke);
    Print.line(spec, r.id() + (r.vouched() ? " is vouched for" : " is no longer vouched for"));
    return 0;
  }
}
