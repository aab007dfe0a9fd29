package org.dunshield.cli.reputation;

import java.util.concurrent.Callable;
import org.dunshield.cli.ReputationCommand;
import org.dunshield.core.reputation.ReputationSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code reputation settings [KEY VALUE] [--json]}: enabled, threshold, priority, half-life-days. */
@Command(name = "settings", mixinStandardHelpOptions = true,
    description = "Show or change how screening uses the reputation: enabled, threshold, priority, half-life-days.")
public final class SettingsCommand implements Callable<Integer> {
  @ParentCommand ReputationCommand parent;
  @Spec CommandSpec spec;

  @Parameters(arity = "0..2", paramLabel = "KEY VALUE") java.util.List<String> keyValue;

  @Option(names = "--json") boolean json;

  @Override
  public Integer call() {
    var app = parent.app();
    ReputationSettings s = app.reputationSettings();
    if (keyValue != null && !keyValue.isEmpty()) {
      if (keyValue.size() != 2) {
        throw new IllegalArgumentException("give a KEY and a VALUE, e.g. reputation settings threshold 0.7");
      }
      s = s.with(keyValue.get(0), keyValue.get(1));
      String key = keyValue.get(0).trim().toLowerCase(java.util.Locale.ROOT);
      app.reputations().repository().saveSetting(key, s.asMap().get(key));
    }
    if (json) {
      Print.json(spec, s.asMap());
    } else {
      s.asMap().forEach((k, v) -> Print.line(spec, k + " = " + v));
    }
    return 0;
  }
}
