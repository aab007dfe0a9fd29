package org.dunshield.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dunshield.core.rule.ChannelScope;
import org.dunshield.core.rule.MatchKind;
import org.dunshield.core.rule.Rule;
import org.dunshield.core.rule.RuleConflict;
import org.dunshield.core.rule.RuleConflicts;
import org.dunshield.core.rule.RuleParser;
import org.dunshield.core.screen.Action;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rules add|list|remove|conflicts}. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "Manage allow and block rules.",
    subcommands = {RulesCommand.Add.class, RulesCommand.ListRules.class, RulesCommand.Remove.class,
        RulesCommand.Conflicts.class})
final class RulesCommand {
  @ParentCommand Main main;

  static Map<String, Object> json(Rule r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("action", r.action().code());
    m.put("kind", r.kind().code());
    m.put("pattern", r.pattern());
    m.put("channel", r.channel().code());
    m.put("priority", r.priority());
    m.put("label", r.label());
    m.put("when", r.when()); // "" for always, as the HTTP API answers (openapi.yaml)
    return m;
  }

  static String line(Rule r) {
    return String.format("#%-5d %-6s %-8s %-22s %-5s prio %-4d %s%s", r.id(), r.action().code(), r.kind().code(),
        r.pattern(), r.channel().code(), r.priority(), r.label(), r.schedule() == null ? "" : "  when " + r.schedule().text());
  }

  @Command(name = "add", mixinStandardHelpOptions = true, description = "Add an allow or block rule.")
  static final class Add implements Callable<Integer> {
    @ParentCommand RulesCommand parent;
    @Spec CommandSpec spec;

    static final class Which {
      @Option(names = "--allow", required = true) boolean allow;
      @Option(names = "--block", required = true) boolean block;
      @Option(names = "--silence", required = true) boolean silence;
    }

    @ArgGroup(exclusive = true, multiplicity = "1") Which which;

    @Parameters(paramLabel = "PATTERN") String pattern;

    @Option(names = "--kind", defaultValue = "exact", paramLabel = "exact|prefix|wildcard|regex|type")
    String kind;

    @Option(names = "--channel", defaultValue = "both", paramLabel = "call|sms|both") String channel;
    @Option(names = "--priority", defaultValue = "0") int priority;
    @Option(names = "--label", defaultValue = "") String label;
    @Option(names = "--when", paramLabel = "SCHEDULE", description = "e.g. \"Mon-Fri 22:00-08:00\"") String when;
    @Option(names = "--json") boolean json;

    @Override
    public Integer call() {
      App app = parent.main.app();
      Action action = which.allow ? Action.ALLOW : which.block ? Action.BLOCK : Action.SILENCE;
      Rule rule = new RuleParser(app.numbers()).parse(action, MatchKind.fromCode(kind), pattern,
          ChannelScope.fromCode(channel), priority, label, when);
      Rule stored = app.database().rules().add(rule);
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        Output.json(out, json(stored));
      } else {
        out.println("added " + line(stored));
      }
      return 0;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List rules.")
  static final class ListRules implements Callable<Integer> {
    @ParentCommand RulesCommand parent;
    @Spec CommandSpec spec;
    @Option(names = "--json") boolean json;

    @Override
    public Integer call() {
      List<Rule> rules = parent.main.app().database().rules().list();
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        List<Object> list = new ArrayList<>();
        rules.forEach(r -> list.add(json(r)));
        Output.json(out, Map.of("rules", list));
      } else if (rules.isEmpty()) {
        out.println("no rules");
      } else {
        rules.forEach(r -> out.println(line(r)));
      }
      return 0;
    }
  }

  @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a rule by id.")
  static final class Remove implements Callable<Integer> {
    @ParentCommand RulesCommand parent;
    @Spec CommandSpec spec;
    @Parameters(paramLabel = "ID") long id;

    @Override
    public Integer call() {
      if (!parent.main.app().database().rules().remove(id)) {
        throw new IllegalArgumentException("no rule #" + id);
      }
      spec.commandLine().getOut().println("removed rule #" + id);
      return 0;
    }
  }

  @Command(name = "conflicts", mixinStandardHelpOptions = true,
      description = "Report allow and block rules that match the same numbers, and which one wins.")
  static final class Conflicts implements Callable<Integer> {
    @ParentCommand RulesCommand parent;
    @Spec CommandSpec spec;
    @Option(names = "--json") boolean json;

    @Override
    public Integer call() {
      App app = parent.main.app();
      List<RuleConflict> found = new RuleConflicts(app.numbers()).find(app.database().rules().list());
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        List<Object> list = new ArrayList<>();
        for (RuleConflict c : found) {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("winner", json(c.winner()));
          m.put("loser", json(c.loser()));
          m.put("example", c.example());
          m.put("decidedBy", c.why());
          m.put("schedulesOverlap", c.schedulesOverlap());
          list.add(m);
        }
        Output.json(out, Map.of("conflicts", list));
        return 0;
      }
      if (found.isEmpty()) {
        out.println("no conflicts");
      }
      for (RuleConflict c : found) {
        out.printf("rule #%d (%s %s) and rule #%d (%s %s) both match %s: #%d wins by %s%s%n",
            c.winner().id(), c.winner().action().code(), c.winner().pattern(),
            c.loser().id(), c.loser().action().code(), c.loser().pattern(),
            c.example() == null ? "hidden callers" : c.example(), c.winner().id(), c.why(),
            c.schedulesOverlap() ? "" : " (their schedules never overlap)");
      }
      return 0;
    }
  }
}
