package org.dunshield.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code import FILE}: a vCard, an SMS Backup &amp; Restore calls or SMS backup, or a CSV call log. */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = "Import contacts (vCard), calls or SMS (SMS Backup & Restore XML) or a CSV call log; "
        + "the format is detected from the content. All or nothing; importing twice adds nothing.")
final class ImportCommand implements Callable<Integer> {
  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE") Path file;

  @Option(names = "--json", description = "Print {\"imported\":N,\"skipped\":M}.") boolean json;

  @Override
  public Integer call() {
    Importer.Result result = Importer.run(main.app(), file, false);
    print(spec, result, json);
    return 0;
  }

  static void print(CommandSpec spec, Importer.Result result, boolean json) {
    if (json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("imported", result.count().imported());
      m.put("skipped", result.count().skipped());
      m.put("format", result.file().format().name().toLowerCase(java.util.Locale.ROOT));
      m.put("warnings", result.warnings());
      Output.json(spec.commandLine().getOut(), m);
    } else {
      spec.commandLine().getOut().printf("%s: %s, %d imported, %d skipped (already there or not events)%n",
          result.file().name(), result.file().format().description(), result.count().imported(), result.count().skipped());
    }
  }
}
