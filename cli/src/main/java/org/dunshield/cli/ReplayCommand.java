package org.dunshield.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dunshield.core.classify.SmsClassifier;
import org.dunshield.core.contact.ContactBook;
import org.dunshield.core.detect.Incident;
import org.dunshield.core.detect.Incidents;
import org.dunshield.core.event.Event;
import org.dunshield.core.number.NumberParser;
import org.dunshield.core.rule.RuleBook;
import org.dunshield.core.screen.Action;
import org.dunshield.core.screen.Replay;
import org.dunshield.core.settings.Settings;
import org.dunshield.formats.ImportFile;
import org.dunshield.formats.ReadOptions;
import org.dunshield.formats.RecordReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code replay FILE}: screens every incoming call and SMS of a backup in time order as if live,
 * against the current rules, contacts and settings. Stored history is not changed.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
    description = "Screen every incoming call and SMS of a backup in time order against the current rules.")
final class ReplayCommand implements Callable<Integer> {
  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE") Path file;
  @Option(names = "--json") boolean json;

  @Override
  public Integer call() {
    App app = main.app();
    Settings settings = app.settings();
    NumberParser numbers = NumberParser.forRegion(settings.region());
    ImportFile input = ImportFile.detect(file);
    List<Event> events = new ArrayList<>();
    try (RecordReader<Event> reader = input.events(ReadOptions.defaults().withNumbers(numbers).withZone(settings.timezone())
        .withProgress(ProgressBar.forTerminal(file.getFileName().toString())))) {
      reader.forEachRemaining(events::add);
    }
    Replay replay = new Replay(app.screener(), settings, RuleBook.indexed(app.database().rules().list(), numbers),
        ContactBook.of(app.database().contacts().numbers()));
    List<Replay.Step> steps = replay.run(events);
    List<Incident> incidents = new Incidents(app.detection(), SmsClassifier.standard(), settings,
        RuleBook.indexed(app.database().rules().list(), numbers), ContactBook.of(app.database().contacts().numbers()))
        .find(events);
    print(spec.commandLine().getOut(), steps, incidents, settings.timezone(), app.language());
    return 0;
  }

  private void print(PrintWriter out, List<Replay.Step> steps, List<Incident> incidents, ZoneId zone, String language) {
    Map<Action, Integer> counts = new LinkedHashMap<>();
    for (Action a : Action.values()) {
      counts.put(a, 0);
    }
    List<Object> list = new ArrayList<>();
    for (Replay.Step s : steps) {
      counts.merge(s.verdict().action(), 1, Integer::sum);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("at", s.event().at().atZone(zone).toOffsetDateTime().toString());
      m.put("kind", s.event().channel().code());
      m.put("number", s.event().number() == null ? null : s.event().number().e164());
      m.put("action", s.verdict().action().code());
      m.put("check", s.verdict().check());
      m.put("category", s.verdict().category() == null ? null : s.verdict().category().code());
      m.put("rule", s.verdict().ruleId());
      m.put("reason", s.verdict().reason().in(language));
      list.add(m);
    }
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("events", steps.size());
    summary.put("allow", counts.get(Action.ALLOW));
    summary.put("silence", counts.get(Action.SILENCE));
    summary.put("block", counts.get(Action.BLOCK));
    if (json) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("events", list);
      doc.put("summary", summary);
      doc.put("incidents", incidents.stream().map(i -> DetectionJson.incident(i, zone)).toList());
      Output.json(out, doc);
      return;
    }
    for (Replay.Step s : steps) {
      String number = s.event().number() == null ? "hidden" : s.event().number().e164();
      out.printf("%s  %-4s %-16s %-7s %s%n", s.event().at().atZone(zone).toLocalDateTime(), s.event().channel().code(),
          number, s.verdict().action().code(), s.verdict().reason().in(language));
    }
    out.printf("%d events: %d allowed, %d silenced, %d blocked%n", steps.size(), counts.get(Action.ALLOW),
        counts.get(Action.SILENCE), counts.get(Action.BLOCK));
    for (Incident i : incidents) {
      out.printf("incident: %s %s to %s, %d events from %d numbers%n", i.kind().code(), i.start().atZone(zone).toLocalDateTime(),
          i.end().atZone(zone).toLocalTime(), i.events().size(), i.numbers().size());
    }
  }
}
