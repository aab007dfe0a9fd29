package org.dunshield.server.web;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dunshield.core.number.NumberParser;
import org.dunshield.core.rule.ChannelScope;
import org.dunshield.core.rule.MatchKind;
import org.dunshield.core.rule.Rule;
import org.dunshield.core.rule.RuleConflict;
import org.dunshield.core.rule.RuleConflicts;
import org.dunshield.core.rule.RuleParser;
import org.dunshield.core.screen.Action;
import org.dunshield.core.settings.Mode;
import org.dunshield.core.settings.Settings;
import org.dunshield.server.Workspace;

/**
 * {@code /rules}: the rules by priority (highest first, as the screener tries them) with conflicts
 * shown on the rules they concern, a form to add one, edit (replace) one, move one up or down in
 * priority, delete one; and the settings: mode, exceptions (hidden callers, repeat callers,
 * dialled numbers, service numbers), region, time zone, own number. Schedules are typed on the rule
 * ({@code Mon-Fri 22:00-08:00}). Every change is checked by the same parser as the CLI; a bad value
 * re-renders the page with the message naming the field and nothing stored.
 */
final class RulesPage {
  private final Web web;

  RulesPage(Web web) {
    this.web = web;
  }

  void show(Context ctx) {
    show(ctx, 200, null, Map.of());
  }

  private void show(Context ctx, int status, String error, Map<String, String> typed) {
    Workspace w = web.workspace(ctx);
    Settings settings = w.repositories().settings().load();
    List<Rule> rules = new ArrayList<>(w.repositories().rules().list());
    rules.sort(Comparator.comparingInt(Rule::priority).reversed().thenComparing(Rule::id));
    List<RuleConflict> conflicts = new RuleConflicts(NumberParser.forRegion(settings.region())).find(rules);
    String lang = Web.lang(ctx);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Rule r : rules) {
      Map<String, Object> m = new HashMap<>();
      m.put("id", r.id());
      m.put("action", r.action().code());
      m.put("kind", r.kind().code());
      m.put("pattern", r.pattern());
      m.put("channel", r.channel().code());
      m.put("priority", r.priority());
      m.put("label", r.label());
      m.put("when", r.when());
      List<String> notes = new ArrayList<>();
      for (RuleConflict c : conflicts) {
        if (c.winner().id() == r.id() || c.loser().id() == r.id()) {
          Rule other = c.winner().id() == r.id() ? c.loser() : c.winner();
          boolean wins = c.winner().id() == r.id();
          notes.add(web.message(ctx, wins ? "rules.conflict.wins" : "rules.conflict.loses", "#" + other.id(),
              other.pattern(), c.example() == null ? "-" : c.example(), web.message(ctx, "rules.why." + c.why()))
              + (c.schedulesOverlap() ? "" : " " + web.message(ctx, "rules.conflict.apparent")));
        }
      }
      m.put("conflicts", notes);
      rows.add(m);
    }
    Map<String, Object> model = new HashMap<>();
    model.put("rules", rows);
    model.put("conflictCount", conflicts.size());
    model.put("settings", settings.asMap());
    model.put("modes", List.of(Mode.values()).stream().map(Mode::code).toList());
    model.put("error", error);
    model.put("typed", typed);
    model.put("lang", lang);
    web.render(ctx, status, "rules", "rules", model);
  }

  void add(Context ctx) {
    Workspace w = web.workspace(ctx);
    Rule rule;
    try {
      rule = parse(ctx, w);
    } catch (IllegalArgumentException e) {
      show(ctx, 400, e.getMessage(), typed(ctx));
      return;
    }
    Rule stored = w.repositories().rules().add(rule);
    w.screening().invalidate();
    Web.done(ctx, "/rules", "rule_added", "#" + stored.id());
  }

  /** Replaces rule {@code id} by the form's rule (the store has no update: a new id, same everything typed). */
  void edit(Context ctx) {
    Workspace w = web.workspace(ctx);
    Rule old = find(ctx, w);
    Rule rule;
    try {
      rule = parse(ctx, w);
    } catch (IllegalArgumentException e) {
      show(ctx, 400, e.getMessage(), typed(ctx));
      return;
    }
    w.repositories().rules().add(rule);
    w.repositories().rules().remove(old.id());
    w.screening().invalidate();
    Web.done(ctx, "/rules", "rule_changed", "#" + old.id());
  }

  void move(Context ctx) {
    Workspace w = web.workspace(ctx);
    Rule old = find(ctx, w);
    int step = "up".equals(Web.form(ctx, "direction")) ? 1 : -1;
    Rule moved = new Rule(0, old.action(), old.kind(), old.pattern(), old.channel(),
        Math.max(-1_000_000, Math.min(1_000_000, old.priority() + step)), old.label(), old.schedule());
    w.repositories().rules().add(moved);
    w.repositories().rules().remove(old.id());
    w.screening().invalidate();
    Web.done(ctx, "/rules", "rule_changed", "#" + old.id());
  }

  void delete(Context ctx) {
    Workspace w = web.workspace(ctx);
    Rule old = find(ctx, w);
    w.repositories().rules().remove(old.id());
    w.screening().invalidate();
    Web.done(ctx, "/rules", "rule_removed", "#" + old.id());
  }

  void saveSettings(Context ctx) {
    Workspace w = web.workspace(ctx);
    Settings s = w.repositories().settings().load();
    try {
      for (String key : List.of(Settings.MODE, Settings.REPEAT_ALLOW_MINUTES, Settings.DIALED_ALLOW_DAYS,
          Settings.REGION, Settings.TIMEZONE, Settings.OWN_NUMBER)) {
        String v = Web.form(ctx, key);
        if (v != null && !(key.equals(Settings.OWN_NUMBER) && v.isEmpty() && s.ownNumber().isEmpty())) {
          s = s.with(key, v);
        }
      }
      s = s.with(Settings.BLOCK_HIDDEN, ctx.formParam(Settings.BLOCK_HIDDEN) != null ? "true" : "false");
      s = s.with(Settings.SERVICE_ALLOW, ctx.formParam(Settings.SERVICE_ALLOW) != null ? "true" : "false");
    } catch (IllegalArgumentException e) {
      show(ctx, 400, e.getMessage(), Map.of());
      return;
    }
    w.repositories().settings().save(s);
    w.screening().invalidate();
    Web.done(ctx, "/rules", "settings_saved", null);
  }

  private Rule find(Context ctx, Workspace w) {
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw new NotFound();
    }
    return w.repositories().rules().find(id).orElseThrow(NotFound::new);
  }

  private static Rule parse(Context ctx, Workspace w) {
    Settings settings = w.repositories().settings().load();
    Action action = Action.fromCode(required(ctx, "action"));
    MatchKind kind = MatchKind.fromCode(required(ctx, "kind"));
    ChannelScope channel = ChannelScope.fromCode(Web.form(ctx, "channel") == null ? "both" : Web.form(ctx, "channel"));
    int priority = Web.intForm(ctx, "priority", Rule.DEFAULT_PRIORITY);
    String label = Web.form(ctx, "label");
    if (label != null && label.length() > 200) {
      throw new IllegalArgumentException("label: longer than 200 characters");
    }
    return new RuleParser(NumberParser.forRegion(settings.region()))
        .parse(action, kind, required(ctx, "pattern"), channel, priority, label, Web.form(ctx, "when"));
  }

  private static String required(Context ctx, String field) {
    String v = Web.form(ctx, field);
    if (v == null || v.isEmpty()) {
      throw new IllegalArgumentException(field + ": required");
    }
    return v;
  }

  private static Map<String, String> typed(Context ctx) {
    Map<String, String> m = new HashMap<>();
    for (String f : List.of("action", "kind", "pattern", "channel", "priority", "label", "when")) {
      String v = ctx.formParam(f);
      m.put(f, v == null ? "" : v);
    }
    return m;
  }
}
