package org.dunshield.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dunshield.core.evidence.Verification;
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
    @Option(names = "--json", description = "Print {\"intact\",\"links\",\"head\",\"brokenAt\",\"kind\",\"ref\",\"problem\",\"unchained\"}.")
    boolean json;

    @Override
    public Integer call() {
      App app = parent.main.app();
      Verification v = CaseReports.evidence(app).log().verify();
      if (json) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("intact", v.intact());
        m.put("links", v.linksChecked());
        m.put("head", v.head());
        m.put("brokenAt", v.brokenAt() == null ? null : v.brokenAt().seq());
        m.put("kind", v.brokenAt() == null ? null : v.brokenAt().kind().code());
        m.put("ref", v.brokenAt() == null ? null : v.brokenAt().ref());
        m.put("problem", v.problem());
        m.put("unchained", v.unchainedEvents());
        Output.json(spec.commandLine().getOut(), m);
      } else {
        (v.intact() ? spec.commandLine().getOut() : spec.commandLine().getErr()).println(v.describe(app.language()));
      }
      return v.intact() ? 0 : BROKEN;
    }
  }
}
