package org.dunshield.server.reputation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.dunshield.core.number.NumberParser;
import org.dunshield.core.number.PhoneNumber;
import org.dunshield.core.reputation.BlockLabel;
import org.dunshield.core.reputation.Dispute;
import org.dunshield.core.reputation.Polarity;
import org.dunshield.core.reputation.ReportOutcome;
import org.dunshield.core.reputation.ReportRefusedException;
import org.dunshield.core.reputation.Reputation;
import org.dunshield.core.reputation.Reputations;
import org.dunshield.core.reputation.interop.PhoneBlockRating;
import org.dunshield.core.reputation.offline.Label;
import org.dunshield.core.reputation.offline.Publication;
import org.dunshield.core.reputation.privacy.RangeIndex;
import org.dunshield.core.screen.Category;
import org.dunshield.server.Json;

/**
 * The reputation over HTTP ({@code docs/reputation.md}, "HTTP API"):
 * <ul>
 *   <li>{@code GET /api/v1/reputation/{e164}}: a live lookup (the server learns the number, keeps nothing);
 *   <li>{@code GET /api/v1/reputation/range} and {@code .../range/{prefix}}: the k-anonymous hash-prefix query;
 *   <li>{@code GET /api/v1/reputation/snapshot}, {@code .../deltas?since=V}, {@code .../blocks}: offline screening;
 *   <li>{@code POST /api/v1/reputation/reports} and {@code .../disputes}: need a reporter's bearer token;
 *   <li>{@code GET /api/num/{number}} and {@code POST /api/rate}: the PhoneBlock API's shape, same tokens.
 * </ul>
 * Nothing here writes down who asked for what: lookups only read. Thread-safe.
 *
 * <pre>{@code
 * Javalin.create(config -> new ReputationApi(reputations, numbers, tokens, publisher).register(config.routes));
 * }</pre>
 */
public final class ReputationApi {
  public static final String BASE = "/api/v1/reputation";
  private static final String OCTETS = "application/octet-stream";

  private final Reputations reputations;
  private final NumberParser numbers;
  private final ReporterTokens tokens;
  private final Publisher publisher;

  public ReputationApi(Reputations reputations, NumberParser numbers, ReporterTokens tokens, Publisher publisher) {
    this.reputations = Objects.requireNonNull(reputations, "reputations");
    this.numbers = Objects.requireNonNull(numbers, "numbers");
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.publisher = Objects.requireNonNull(publisher, "publisher");
  }

  /** The community reputation behind the API (the web application's reputation page uses it too). */
  public Reputations reputations() {
    return reputations;
  }

  public Publisher publisher() {
    return publisher;
  }

  /** Declares the routes (fixed paths before the {@code {e164}} one). */
  public void register(JavalinDefaultRoutingApi routes) {
    routes.get(BASE + "/range", guarded(this::rangeInfo));
    routes.get(BASE + "/range/{prefix}", guarded(this::range));
    routes.get(BASE + "/snapshot", guarded(this::snapshot));
    routes.get(BASE + "/deltas", guarded(this::deltas));
    routes.get(BASE + "/blocks", guarded(this::blocks));
    routes.post(BASE + "/reports", guarded(this::report));
    routes.post(BASE + "/disputes", guarded(this::dispute));
    routes.get(BASE + "/{e164}", guarded(this::lookup));
    routes.get("/api/num/{number}", guarded(this::phoneBlockLookup));
    routes.post("/api/rate", guarded(this::phoneBlockRate));
  }

  /** An answer other than 200, with its JSON error. */
  private static final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;

    Refusal(int status, String message) {
      super(message, null, false, false);
      this.status = status;
    }
  }

  /** Maps failures to answers here, so they do not depend on the server's exception handlers. */
  private interface Action {
    void handle(Context ctx) throws Exception;
  }

  private static Handler guarded(Action action) {
    return ctx -> {
      try {
        action.handle(ctx);
      } catch (Refusal r) {
        if (r.status == 401) {
          ctx.header("WWW-Authenticate", "Bearer realm=\"dunshield\"");
        }
        json(ctx, r.status, Json.error(r.getMessage()));
      } catch (ReportRefusedException e) {
        json(ctx, e.reason() == ReportRefusedException.Reason.RATE_LIMITED ? 429 : 409, Json.error(e.getMessage()));
      } catch (IllegalArgumentException e) {
        json(ctx, 400, Json.error(e.getMessage()));
      }
    };
  }

  private void lookup(Context ctx) {
    PhoneNumber n = number(ctx.pathParam("e164"), "e164");
    json(ctx, 200, ReputationJson.reputation(reputations.lookup(n), reputations.policy().threshold()));
  }

  private void rangeInfo(Context ctx) {
    RangeIndex r = publisher.current().range();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("hash", "sha256 of the E.164 number, e.g. sha256(\"+8617188880001\"), lowercase hex");
    m.put("prefixLength", r.prefixLength());
    m.put("minimum", r.minimum());
    m.put("entries", r.size());
    m.put("version", r.version());
    json(ctx, 200, m);
  }

  private void range(Context ctx) {
    RangeIndex.Answer a = publisher.current().range().answer(ctx.pathParam("prefix"));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("prefix", a.prefix());
    m.put("prefixLength", a.prefixLength());
    m.put("minimum", a.minimum());
    m.put("version", a.version());
    List<Object> entries = new ArrayList<>();
    for (RangeIndex.Entry e : a.entries()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("hash", e.hash());
      x.put("category", e.category().code());
      x.put("score", ReputationJson.round(e.score()));
      x.put("reporters", e.reporters());
      x.put("approximate", e.approximate());
      x.put("disputed", e.disputed());
      entries.add(x);
    }
    m.put("entries", entries);
    json(ctx, 200, m);
  }

  private void snapshot(Context ctx) throws IOException {
    Publisher.Current c = publisher.current();
    ctx.header("X-Dunshield-Version", Long.toString(c.publication().version()));
    ctx.contentType(OCTETS);
    InputStream in = Files.newInputStream(c.file());
    ctx.result(in);
  }

  private void deltas(Context ctx) throws IOException {
    String since = ctx.queryParam("since");
    if (since == null) {
      throw new IllegalArgumentException("query parameter 'since' is required: the version you hold");
    }
    long version;
    try {
      version = Long.parseLong(since.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'since' must be a version number, got '" + since + "'");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (!publisher.writeDelta(version, out)) {
      throw new Refusal(410, "no delta from version " + version + " is kept; download " + BASE + "/snapshot");
    }
    ctx.header("X-Dunshield-Version", Long.toString(publisher.current().publication().version()));
    ctx.status(200).contentType(OCTETS).result(out.toByteArray());
  }

  private void blocks(Context ctx) {
    Publication p = publisher.current().publication();
    List<Object> list = new ArrayList<>();
    for (int i = 0; i < p.blocks(); i++) {
      int label = p.blockLabelAt(i);
      list.add(ReputationJson.block(new BlockLabel(p.blockSizeAt(i), p.blockPrefixAt(i), Label.category(label),
          Label.score(label), Label.supporters(label), 0)));
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("version", p.version());
    m.put("blocks", list);
    json(ctx, 200, m);
  }

  private void report(Context ctx) {
    String reporter = reporter(ctx);
    JsonNode body = body(ctx);
    PhoneNumber n = number(required(body, "number"), "number");
    Category c = field("category", () -> Category.fromCode(required(body, "category")));
    ReportOutcome outcome = reputations.report(n, c, text(body, "comment"), reporter);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT));
    m.put("reporter", reporter);
    m.put("reputation", ReputationJson.reputation(reputations.lookup(n), reputations.policy().threshold()));
    json(ctx, outcome == ReportOutcome.ACCEPTED ? 201 : 200, m);
  }

  private void dispute(Context ctx) {
    String claimant = reporter(ctx);
    JsonNode body = body(ctx);
    PhoneNumber n = number(required(body, "number"), "number");
    Dispute d = reputations.dispute(n, claimant, required(body, "statement"));
    json(ctx, 201, ReputationJson.dispute(d));
  }

  /** PhoneBlock's {@code GET /api/num/{number}}: compact {@code {"phone","votes","rating",...}}. */
  private void phoneBlockLookup(Context ctx) {
    reporter(ctx);
    PhoneNumber n = number(ctx.pathParam("number"), "number");
    json(ctx, 200, phoneInfo(reputations.lookup(n)));
  }

  /** PhoneBlock's {@code POST /api/rate} with {@code {"phone","rating","comment"}}. */
  private void phoneBlockRate(Context ctx) {
    String reporter = reporter(ctx);
    JsonNode body = body(ctx);
    PhoneNumber n = number(required(body, "phone"), "phone");
    PhoneBlockRating rating = field("rating", () -> PhoneBlockRating.fromName(required(body, "rating")));
    reputations.report(n, rating.category(), text(body, "comment"), reporter);
    json(ctx, 200, phoneInfo(reputations.lookup(n)));
  }

  private Map<String, Object> phoneInfo(Reputation r) {
    boolean harmful = r.harmful();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("phone", r.number().e164());
    m.put("votes", harmful && r.block() == null ? r.supporters() : 0);
    m.put("votesWildcard", harmful && r.block() != null ? r.block().flagged() : 0);
    m.put("rating", PhoneBlockRating.of(r.category()).name());
    m.put("category", r.category() == null ? null : r.category().code());
    m.put("score", ReputationJson.round(r.score()));
    m.put("whiteListed", r.category() != null && Polarity.of(r.category()) == Polarity.BENIGN
        && r.settled(reputations.policy().threshold()));
    m.put("blackListed", harmful && r.settled(reputations.policy().threshold()));
    return m;
  }

  private String reporter(Context ctx) {
    Optional<String> who = tokens.reporter(ctx.header("Authorization"));
    return who.orElseThrow(() -> new Refusal(401, tokens.size() == 0
        ? "this server takes no reports: it has no reporter tokens configured"
        : "authenticate as a reporter: Authorization: Bearer TOKEN (or HTTP Basic LOGIN:TOKEN)"));
  }

  /**
   * A number as the path or body gives it: E.164 ({@code +86...}; a '+' decoded to a space is put
   * back), {@code 00<cc>...}, or national for the server's region.
   */
  private PhoneNumber number(String raw, String field) {
    String s = raw == null ? "" : raw.strip();
    if (raw != null && raw.startsWith(" ")) {
      s = "+" + s;
    }
    try {
      return numbers.parse(s);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("field '" + field + "': " + e.getMessage());
    }
  }

  private static JsonNode body(Context ctx) {
    try {
      JsonNode node = Json.mapper().readTree(ctx.body());
      if (node == null || !node.isObject()) {
        throw new IllegalArgumentException("request body must be a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("malformed JSON at line " + e.getLocation().getLineNr() + ", column "
          + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
    }
  }

  private static String required(JsonNode body, String field) {
    String v = text(body, field);
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException("field '" + field + "' is required");
    }
    return v;
  }

  private static String text(JsonNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw new IllegalArgumentException("field '" + field + "' must be a string");
    }
    return v.asText();
  }

  private static <T> T field(String field, java.util.function.Supplier<T> parser) {
    try {
      return parser.get();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("field '" + field + "': " + e.getMessage());
    }
  }

  private static void json(Context ctx, int status, Object body) {
    ctx.status(status).contentType("application/json; charset=utf-8").result(Json.compact(body));
  }
}
