package org.dunshield.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dunshield.core.history.HistoryEntry;
import org.dunshield.server.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code history [--from DATE] [--to DATE]}: stored calls and SMS with their verdicts, oldest first. */
@Command(name = "history", mixinStandardHelpOptions = true, description = "Show stored calls and SMS with verdicts.")
final class HistoryCommand implements Callable<Integer> {
  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Option(names = "--from", paramLabel = "DATE", description = "From this day (2026-10-12) or time, inclusive.") String from;
  @Option(names = "--to", paramLabel = "DATE", description = "Up to this day (inclusive) or time (exclusive).") String to;
  @Option(names = "--json") boolean json;

  @Override
  public Integer call() {
    App app = main.app();
    ZoneId zone = app.settings().timezone();
    Instant start = from == null ? null : Times.dayOrInstant("--from", from, zone, false);
    Instant end = to == null ? null : Times.dayOrInstant("--to", to, zone, true);
    if (start != null && end != null && !start.isBefore(end)) {
      throw new IllegalArgumentException("--from must be before --to");
    }
    List<HistoryEntry> entries = app.database().history().list(start, end);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      List<Object> list = new ArrayList<>();
      for (HistoryEntry e : entries) {
        Map<String, Object> m = Json.event(e.event());
        m.put("at", e.event().at().atZone(zone).toOffsetDateTime().toString());
        m.put("id", e.id());
        m.put("source", e.source());
        m.put("verdict", e.verdict() == null ? null : Json.verdict(e.verdict(), app.language()));
        list.add(m);
      }
      Output.json(out, Map.of("events", list));
      return 0;
    }
    for (HistoryEntry e : entries) {
      String number = e.event().number() != null ? e.event().number().e164() : e.event().rawNumber();
      out.printf("%s  %-4s %-3s %-16s %-8s %s%n", e.event().at().atZone(zone).toLocalDateTime(), e.event().channel().code(),
          e.event().direction().code(), number.isEmpty() ? "hidden" : number,
          e.verdict() == null ? "-" : e.verdict().action().code(),
          e.verdict() == null ? "(imported)" : e.verdict().reason().in(app.language()));
    }
    if (entries.isEmpty()) {
      out.println("no history");
    }
    return 0;
  }
}
