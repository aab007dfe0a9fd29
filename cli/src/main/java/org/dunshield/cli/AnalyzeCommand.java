package org.dunshield.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dunshield.core.campaign.Campaign;
import org.dunshield.core.campaign.CampaignSettings;
import org.dunshield.core.campaign.Campaigns;
import org.dunshield.core.campaign.Link;
import org.dunshield.core.classify.SmsClassifier;
import org.dunshield.core.conduct.CollectorNumbers;
import org.dunshield.core.conduct.ConductAnalysis;
import org.dunshield.core.conduct.RuleSet;
import org.dunshield.core.conduct.Violation;
import org.dunshield.core.contact.ContactBook;
import org.dunshield.core.detect.Incident;
import org.dunshield.core.detect.Incidents;
import org.dunshield.core.detect.Trust;
import org.dunshield.core.event.Event;
import org.dunshield.core.history.HistoryEntry;
import org.dunshield.core.number.NumberParser;
import org.dunshield.core.number.PhoneNumber;
import org.dunshield.core.rule.RuleBook;
import org.dunshield.core.settings.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code analyze conduct|campaigns|incidents}: what the stored history shows — conduct-rule
 * violations by collectors, campaigns of linked numbers, bombing incidents.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
    description = "Analyse the stored history: conduct-rule violations, campaigns, bombing incidents.",
    subcommands = {AnalyzeCommand.Conduct.class, AnalyzeCommand.CampaignsCommand.class, AnalyzeCommand.IncidentsCommand.class})
final class AnalyzeCommand {
  @ParentCommand Main main;

  /** The options every analysis takes: the period and JSON output. */
  static final class Period {
    @Option(names = "--from", paramLabel = "DATE", description = "From this day (2026-10-12) or time, inclusive.") String from;
    @Option(names = "--to", paramLabel = "DATE", description = "Up to this day (inclusive) or time (exclusive).") String to;
    @Option(names = "--json", description = "Print JSON.") boolean json;

    List<HistoryEntry> history(App app) {
      ZoneId zone = app.settings().timezone();
      Instant start = from == null ? null : Times.dayOrInstant("--from", from, zone, false);
      Instant end = to == null ? null : Times.dayOrInstant("--to", to, zone, true);
      if (start != null && end != null && !start.isBefore(end)) {
        throw new IllegalArgumentException("--from must be before --to");
      }
      return app.database().history().list(start, end);
    }
  }

  /** Everything an analysis needs from the application. */
  private record Context(App app, Settings settings, Trust trust, SmsClassifier classifier) {
    static Context of(App app) {
      Settings settings = app.settings();
      NumberParser numbers = NumberParser.forRegion(settings.region());
      Trust trust = new Trust(ContactBook.of(app.database().contacts().numbers()),
          RuleBook.indexed(app.database().rules().list(), numbers), settings);
      return new Context(app, settings, trust, SmsClassifier.standard());
    }

    List<Campaign> campaigns(List<HistoryEntry> history) {
      return new Campaigns(CampaignSettings.defaults(), app.detection(), classifier, trust).find(history);
    }

    ZoneId zone() {
      return settings.timezone();
    }
  }

  @Command(name = "conduct", mixinStandardHelpOptions = true,
      description = "Find calls and messages that break collection conduct rules (cn-nifa-2024, cn-cba-2026, cn-nifa-2018, us-reg-f).")
  static final class Conduct implements Callable<Integer> {
    @ParentCommand AnalyzeCommand parent;
    @Spec CommandSpec spec;
    @Mixin Period period;

    @Option(names = "--rules", paramLabel = "SET[,SET...]", split = ",",
        description = "Rule sets to check (default: all of cn-nifa-2024, cn-cba-2026, cn-nifa-2018, us-reg-f).")
    List<String> rules;

    @Option(names = "--third-party",
        description = "I am not the debtor: they are calling me about someone else.") boolean thirdParty;

    @Option(names = "--collector", paramLabel = "NUMBER",
        description = "Treat this number as a collector too (repeatable).") List<String> named;

    @Override
    public Integer call() {
      App app = parent.main.app();
      List<RuleSet> sets = new ArrayList<>();
      for (String id : rules == null || rules.isEmpty() ? RuleSet.shipped() : rules) {
        sets.add(RuleSet.load(id));
      }
      Context c = Context.of(app);
      NumberParser numbers = NumberParser.forRegion(c.settings().region());
      List<PhoneNumber> extra = new ArrayList<>();
      if (named != null) {
        named.forEach(n -> extra.add(numbers.parse(n)));
      }
      List<HistoryEntry> history = period.history(app);
      Map<PhoneNumber, String> collectors = CollectorNumbers.find(history, c.campaigns(history), c.classifier(), c.trust(), extra);
      List<Violation> violations = new ConductAnalysis(c.classifier(), c.zone()).analyze(history, sets, collectors, thirdParty);
      print(spec.commandLine().getOut(), sets, collectors, violations, c.zone(), app.language());
      return 0;
    }

    private void print(PrintWriter out, List<RuleSet> sets, Map<PhoneNumber, String> collectors, List<Violation> violations,
        ZoneId zone, String language) {
      if (period.json) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("ruleSets", sets.stream().map(RuleSet::id).toList());
        List<Object> who = new ArrayList<>();
        collectors.forEach((n, name) -> {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("number", n.e164());
          m.put("collector", name);
          who.add(m);
        });
        doc.put("collectors", who);
        List<Object> list = new ArrayList<>();
        for (Violation v : violations) {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("rule", v.rule());
          m.put("ruleSet", v.ruleSet());
          m.put("kind", v.kind());
          m.put("text", v.text().in(language));
          m.put("detail", v.detail().in(language));
          m.put("day", v.day() == null ? null : v.day().toString());
          m.put("collector", v.collector());
          m.put("numbers", DetectionJson.numbers(v.numbers()));
          m.put("events", v.events().stream().map(e -> DetectionJson.event(e, zone)).toList());
          list.add(m);
        }
        doc.put("violations", list);
        Output.json(out, doc);
        return;
      }
      out.printf("%d collector numbers; rule sets %s%n", collectors.size(), String.join(", ",
          sets.stream().map(RuleSet::id).toList()));
      for (Violation v : violations) {
        out.printf("%-40s %s%n    %s%n", v.rule(), v.detail().in(language), v.text().in(language));
      }
      out.printf("%d violation%s%n", violations.size(), violations.size() == 1 ? "" : "s");
      out.flush();
    }
  }

  @Command(name = "campaigns", mixinStandardHelpOptions = true,
      description = "Group numbers that share a block, a message template or a timing pattern into campaigns.")
  static final class CampaignsCommand implements Callable<Integer> {
    @ParentCommand AnalyzeCommand parent;
    @Spec CommandSpec spec;
    @Mixin Period period;

    @Override
    public Integer call() {
      App app = parent.main.app();
      Context c = Context.of(app);
      List<Campaign> campaigns = c.campaigns(period.history(app));
      PrintWriter out = spec.commandLine().getOut();
      if (period.json) {
        List<Object> list = new ArrayList<>();
        for (Campaign k : campaigns) {
          list.add(DetectionJson.campaign(k, c.zone()));
        }
        Output.json(out, Map.of("campaigns", list));
        return 0;
      }
      for (Campaign k : campaigns) {
        out.printf("%s: %d numbers, %d calls, %d messages, %s to %s %s%n", k.id(), k.numbers().size(), k.calls(),
            k.messages(), k.firstSeen().atZone(c.zone()).toLocalDateTime(), k.lastSeen().atZone(c.zone()).toLocalDateTime(),
            k.categories().stream().map(x -> x.code()).toList());
        out.printf("    %s%n", String.join(" ", DetectionJson.numbers(k.numbers())));
        for (Link l : k.links()) {
          out.printf("    %-8s %s%n", l.kind().code(), l.detail());
        }
      }
      out.printf("%d campaign%s%n", campaigns.size(), campaigns.size() == 1 ? "" : "s");
      out.flush();
      return 0;
    }
  }

  @Command(name = "incidents", mixinStandardHelpOptions = true,
      description = "List call-bombing and SMS-bombing incidents in the stored history.")
  static final class IncidentsCommand implements Callable<Integer> {
    @ParentCommand AnalyzeCommand parent;
    @Spec CommandSpec spec;
    @Mixin Period period;

    @Override
    public Integer call() {
      App app = parent.main.app();
      Context c = Context.of(app);
      List<Event> events = period.history(app).stream().map(HistoryEntry::event).toList();
      List<Incident> incidents = new Incidents(app.detection(), c.classifier(), c.trust()).find(events);
      PrintWriter out = spec.commandLine().getOut();
      if (period.json) {
        Output.json(out, Map.of("incidents", incidents.stream().map(i -> DetectionJson.incident(i, c.zone())).toList()));
        return 0;
      }
      for (Incident i : incidents) {
        out.printf("%s %s to %s: %d events from %d numbers%n", i.kind().code(), i.start().atZone(c.zone()).toLocalDateTime(),
            i.end().atZone(c.zone()).toLocalDateTime(), i.events().size(), i.numbers().size());
      }
      out.printf("%d incident%s%n", incidents.size(), incidents.size() == 1 ? "" : "s");
      out.flush();
      return 0;
    }
  }
}
