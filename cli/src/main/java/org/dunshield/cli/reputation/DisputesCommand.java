package org.dunshield.cli.reputation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dunshield.cli.ReputationCommand;
import org.dunshield.core.reputation.Dispute;
import org.dunshield.server.reputation.ReputationJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code reputation disputes [--json]}: every dispute, by id. */
@Command(name = "disputes", mixinStandardHelpOptions = true, description = "List disputes.")
public final class DisputesCommand implements Callable<Integer> {
  @ParentCommand ReputationCommand parent;
  @Spec CommandSpec spec;

  @Option(names = "--json") boolean json;

  @Override
  public Integer call() {
    List<Dispute> all = parent.app().reputations().repository().disputes();
    if (json) {
      List<Object> list = new ArrayList<>();
      all.forEach(d -> list.add(ReputationJson.dispute(d)));
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("disputes", list);
      Print.json(spec, doc);
    } else {
      for (Dispute d : all) {
        Print.line(spec, String.format("#%-4d %-16s %-9s %s: %s", d.id(), d.number().e164(), d.state().code(),
            d.claimant(), d.statement()));
      }
    }
    return 0;
  }
}
