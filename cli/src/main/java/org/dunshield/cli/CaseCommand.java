package org.dunshield.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dunshield.core.evidence.Attachment;
import org.dunshield.core.evidence.Case;
import org.dunshield.core.number.NumberParser;
import org.dunshield.core.number.PhoneNumber;
import org.dunshield.server.evidence.EvidenceJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code case create | list | attach}: the cases that gather the evidence of one campaign. */
@Command(name = "case", mixinStandardHelpOptions = true, description = "Create, list and attach files to cases.",
    subcommands = {CaseCommand.Create.class, CaseCommand.ListCases.class, CaseCommand.Attach.class})
final class CaseCommand {
  @ParentCommand Main main;

  @Command(name = "create", mixinStandardHelpOptions = true,
      description = "Create a case: the events from these numbers (all numbers if none) in this period.")
  static final class Create implements Callable<Integer> {
    @ParentCommand CaseCommand parent;
    @Spec CommandSpec spec;
    @Parameters(paramLabel = "NAME") String name;
    @Option(names = "--numbers", paramLabel = "N1,N2,...", split = ",", description = "The collector's numbers.")
    List<String> numbers = new ArrayList<>();
    @Option(names = "--from", paramLabel = "DATE", description = "From this day (2026-10-12) or time, inclusive.") String from;
    @Option(names = "--to", paramLabel = "DATE", description = "Up to this day (inclusive) or time (exclusive).") String to;
    @Option(names = "--json") boolean json;

    @Override
    public Integer call() {
      App app = parent.main.app();
      ZoneId zone = app.settings().timezone();
      NumberParser parser = app.numbers();
      List<PhoneNumber> parsed = new ArrayList<>();
      for (String n : numbers) {
        if (!n.isBlank()) {
          parsed.add(parser.parse(n.strip()));
        }
      }
      Instant start = from == null ? null : Times.dayOrInstant("--from", from, zone, false);
      Instant end = to == null ? null : Times.dayOrInstant("--to", to, zone, true);
      Case created = CaseReports.evidence(app).cases().create(new Case(0, name, parsed, start, end, app.clock().instant()));
      if (json) {
        Output.json(spec.commandLine().getOut(), json(created, zone));
      } else {
        spec.commandLine().getOut().printf("case %d '%s' created%n", created.id(), created.name());
      }
      return 0;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List cases.")
  static final class ListCases implements Callable<Integer> {
    @ParentCommand CaseCommand parent;
    @Spec CommandSpec spec;
    @Option(names = "--json", description = "Print {\"cases\":[{\"id\",\"name\",\"numbers\",\"from\",\"to\",\"created\"}]}.")
    boolean json;

    @Override
    public Integer call() {
      App app = parent.main.app();
      ZoneId zone = app.settings().timezone();
      List<Case> cases = CaseReports.evidence(app).cases().list();
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        Output.json(out, EvidenceJson.cases(cases, zone));
        return 0;
      }
      for (Case c : cases) {
        out.printf("%4d  %s  %s  %s - %s%n", c.id(), Output.cell(c.name(), 24),
            c.numbers().isEmpty() ? "any number" : String.join(",", c.numbers().stream().map(PhoneNumber::e164).toList()),
            c.from() == null ? "open" : c.from().atZone(zone).toLocalDateTime(),
            c.to() == null ? "open" : c.to().atZone(zone).toLocalDateTime());
      }
      if (cases.isEmpty()) {
        out.println("no cases");
      }
      return 0;
    }
  }

  @Command(name = "attach", mixinStandardHelpOptions = true,
      description = "Attach a file (screenshot, recording, contract) to a case; it is stored by SHA-256 and chained.")
  static final class Attach implements Callable<Integer> {
    @ParentCommand CaseCommand parent;
    @Spec CommandSpec spec;
    @Parameters(index = "0", paramLabel = "CASE") String kase;
    @Parameters(index = "1", paramLabel = "FILE") Path file;
    @Option(names = "--json") boolean json;

    @Override
    public Integer call() {
      App app = parent.main.app();
      Case c = CaseReports.find(app, kase);
      Attachment a = CaseReports.evidence(app).cases().attach(c.id(), file);
      if (json) {
        Output.json(spec.commandLine().getOut(), EvidenceJson.attachment(a, c.id()));
      } else {
        spec.commandLine().getOut().printf("attached %s to case %d: sha256 %s, %d bytes%n", a.name(), c.id(), a.sha256(), a.size());
      }
      return 0;
    }
  }

  static Map<String, Object> json(Case c, ZoneId zone) {
    return EvidenceJson.kase(c, zone);
  }
}
