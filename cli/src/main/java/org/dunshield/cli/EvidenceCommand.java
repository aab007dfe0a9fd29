package org.dunshield.cli;

import java.util.concurrent.Callable;
import org.dunshield.core.evidence.Verification;
import org.dunshield.server.evidence.EvidenceJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code evidence verify [--json]}: recomputes the evidence chain; exit 1 when it is broken. */
@Command(name = "evidence", mixinStandardHelpOptions = true, description = "Check the tamper-evident evidence log.",
    subcommands = {EvidenceCommand.Verify.class})
final class EvidenceCommand {
  /** The exit code of a broken chain. */
  static final int BROKEN = 1;

  @ParentCommand Main main;

  @Command(name = "verify", mixinStandardHelpOptions = true,
      description = "Recompute the chain over every stored event and attachment; name the first broken link.")
  static final class Verify implements Callable<Integer> {
    @ParentCommand EvidenceCommand parent;
    @Spec CommandSpec spec;
    @Option(names = "--json", description = "Print {\"ok\",\"intact\",\"links\",\"head\",\"brokenAt\",\"kind\",\"ref\",\"problem\",\"unchained\"}.")
    boolean json;

    @Override
    public Integer call() {
      App app = parent.main.app();
      Verification v = CaseReports.evidence(app).log().verify();
      if (json) {
        Output.json(spec.commandLine().getOut(), EvidenceJson.verification(v));
      } else {
        (v.intact() ? spec.commandLine().getOut() : spec.commandLine().getErr()).println(v.describe(app.language()));
      }
      return v.intact() ? 0 : BROKEN;
    }
  }
}
