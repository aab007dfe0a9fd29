package org.dunshield.server;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.dunshield.core.history.HistoryEntry;
import org.dunshield.core.number.NumberParser;
import org.dunshield.core.rule.ChannelScope;
import org.dunshield.core.rule.MatchKind;
import org.dunshield.core.rule.Rule;
import org.dunshield.core.rule.RuleParser;
import org.dunshield.core.screen.Action;
import org.dunshield.store.HistoryQueries;

/**
 * The JSON behind the history and rules pages, per account:
 * <ul>
 *   <li>{@code GET /api/v1/history?channel=&action=&number=&q=&after=&limit=} → {@code {"entries":[...],"next"}}</li>
 *   <li>{@code GET /api/v1/rules} → {@code {"rules":[...]}}</li>
 *   <li>{@code POST /api/v1/rules {"action","kind","pattern","channel","priority","label","when"}} → 201, the rule</li>
 *   <li>{@code DELETE /api/v1/rules/{id}} → 204, or 404 when the account has no such rule</li>
 * </ul>
 * Thread-safe.
 */
final class HistoryApi {
  private final Function<Context, Workspace> workspaces;

  HistoryApi(Function<Context, Workspace> workspaces) {
    this.workspaces = workspaces;
  }

  void register(JavalinDefaultRoutingApi routes) {
    routes.get("/api/v1/history", this::history);
    routes.get("/api/v1/rules", this::rules);
    routes.post("/api/v1/rules", this::addRule);
    routes.delete("/api/v1/rules/{id}", this::removeRule);
  }

  private void history(Context ctx) {
    Workspace w = workspaces.apply(ctx);
    int limit = ctx.queryParam("limit") == null ? 50 : parseInt("limit", ctx.queryParam("limit"));
    HistoryQueries.Cursor after = null;
    String cursor = ctx.queryParam("after");
    if (cursor != null) {
      String[] parts = cursor.split(":");
      if (parts.length != 2) {
        throw new IllegalArgumentException("parameter 'after' must be AT:ID from a previous page's 'next'");
      }
      after = new HistoryQueries.Cursor(parseLong("after", parts[0]), parseLong("after", parts[1]));
    }
    String number = ctx.queryParam("number");
    HistoryQueries.Page page = w.history().page(new HistoryQueries.Filter(ctx.queryParam("channel"),
        ctx.queryParam("action"), number, ctx.queryParam("q"), null, null), after, limit);
    List<Object> entries = new ArrayList<>();
    for (HistoryEntry e : page.entries()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", e.id());
      m.put("event", Json.event(e.event()));
      m.put("verdict", e.verdict() == null ? null : Json.verdict(e.verdict(), DunshieldServer.language(ctx)));
      m.put("source", e.source());
      entries.add(m);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("entries", entries);
    body.put("next", page.next() == null ? null : page.next().at() + ":" + page.next().id());
    DunshieldServer.json(ctx, 200, body);
  }

  private void rules(Context ctx) {
    List<Object> rules = new ArrayList<>();
    for (Rule r : workspaces.apply(ctx).repositories().rules().list()) {
      rules.add(rule(r));
    }
    DunshieldServer.json(ctx, 200, Map.of("rules", rules));
  }

  private void addRule(Context ctx) {
    Workspace w = workspaces.apply(ctx);
    var body = ScreenApi.body(ctx.bodyAsBytes());
    String action = text(body, "action");
    String kind = text(body, "kind");
    String pattern = text(body, "pattern");
    if (action == null || kind == null || pattern == null) {
      throw new IllegalArgumentException("fields 'action', 'kind' and 'pattern' are required");
    }
    String channel = text(body, "channel");
    int priority = body.hasNonNull("priority") ? body.get("priority").asInt() : Rule.DEFAULT_PRIORITY;
    NumberParser numbers = NumberParser.forRegion(w.repositories().settings().load().region());
    Rule parsed = new RuleParser(numbers).parse(Action.fromCode(action), MatchKind.fromCode(kind), pattern,
        ChannelScope.fromCode(channel == null ? "both" : channel), priority, text(body, "label"), text(body, "when"));
    Rule stored = w.repositories().rules().add(parsed);
    w.screening().invalidate();
    DunshieldServer.json(ctx, 201, rule(stored));
  }

  private void removeRule(Context ctx) {
    Workspace w = workspaces.apply(ctx);
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      DunshieldServer.json(ctx, 404, Json.error("no rule '" + ctx.pathParam("id") + "'"));
      return;
    }
    if (!w.repositories().rules().remove(id)) {
      DunshieldServer.json(ctx, 404, Json.error("no rule " + id));
      return;
    }
    w.screening().invalidate();
    ctx.status(204);
  }

  private static Map<String, Object> rule(Rule r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("action", r.action().code());
    m.put("kind", r.kind().code());
    m.put("pattern", r.pattern());
    m.put("channel", r.channel().code());
    m.put("priority", r.priority());
    m.put("label", r.label());
    m.put("when", r.when());
    return m;
  }

  private static String text(com.fasterxml.jackson.databind.JsonNode body, String field) {
    var v = body.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw new IllegalArgumentException("field '" + field + "' must be a string");
    }
    return v.asText();
  }

  private static int parseInt(String name, String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("parameter '" + name + "': '" + text + "' is not a whole number");
    }
  }

  private static long parseLong(String name, String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("parameter '" + name + "': '" + text + "' is not a whole number");
    }
  }
}
