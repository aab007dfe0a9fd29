package org.dunshield.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dunshield.core.settings.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code settings set KEY VALUE | show}. */
@Command(name = "settings", mixinStandardHelpOptions = true, description = "Show or change settings.",
    subcommands = {SettingsCommand.Set.class, SettingsCommand.Show.class})
final class SettingsCommand {
  @ParentCommand Main main;

  @Command(name = "set", mixinStandardHelpOptions = true, description = "Change one setting. Keys: mode "
      + "(standard|strangers|whitelist-only|block-all), block-hidden, repeat-allow-minutes, dialed-allow-days, "
      + "service-allow, region, timezone.")
  static final class Set implements Callable<Integer> {
    @ParentCommand SettingsCommand parent;
    @Spec CommandSpec spec;
    @Parameters(index = "0", paramLabel = "KEY") String key;
    @Parameters(index = "1", paramLabel = "VALUE") String value;

    @Override
    public Integer call() {
      App app = parent.main.app();
      Settings changed = app.settings().with(key, value);
      app.database().settings().save(changed);
      spec.commandLine().getOut().println(key + " = " + changed.asMap().get(key.trim().toLowerCase(java.util.Locale.ROOT)));
      return 0;
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true, description = "Show all settings.")
  static final class Show implements Callable<Integer> {
    @ParentCommand SettingsCommand parent;
    @Spec CommandSpec spec;
    @Option(names = "--json") boolean json;

    @Override
    public Integer call() {
      Map<String, String> all = parent.main.app().settings().asMap();
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        Output.json(out, all);
      } else {
        all.forEach((k, v) -> out.printf("%-22s %s%n", k, v));
      }
      return 0;
    }
  }
}
