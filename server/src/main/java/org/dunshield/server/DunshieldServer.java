package org.dunshield.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.dunshield.core.event.Presentation;
import org.dunshield.core.loan.LoanDesk;
import org.dunshield.core.screen.LiveScreening;
import org.dunshield.core.screen.Verdict;
import org.dunshield.server.evidence.EvidenceApi;
import org.dunshield.server.loan.LoanApi;
import org.dunshield.server.reputation.ReputationApi;

/**
 * The HTTP server. Create with {@link #start(Config)}; stop with {@link #close()}. Bad requests
 * (malformed JSON, a missing or malformed field) answer 400 with {@code {"error": "..."}} naming the
 * field. Thread-safe.
 */
public final class DunshieldServer implements AutoCloseable {
  /**
   * What the server needs: where to listen, the screening service it exposes, the loan desk
   * ({@code null}: no {@code /api/v1/loans} routes) and the reputation API ({@code null}: no
   * {@code /api/v1/reputation} and PhoneBlock-compatible routes) and the evidence API ({@code null}:
   * no {@code /api/v1/cases} and {@code /api/v1/evidence} routes).
   */
  public record Config(String host, int port, LiveScreening screening, HistoryView history,
      LoanDesk loans, ReputationApi reputation, EvidenceApi evidence) {
    /** A server without the loan desk. */
    public Config(String host, int port, LiveScreening screening, HistoryView history) {
      this(host, port, screening, history, null, null, null);
    }

    /** A server without the reputation API. */
    public Config(String host, int port, LiveScreening screening, HistoryView history, LoanDesk loans) {
      this(host, port, screening, history, loans, null);
    }

    /** A server without the evidence API. */
    public Config(String host, int port, LiveScreening screening, HistoryView history, LoanDesk loans,
        ReputationApi reputation) {
      this(host, port, screening, history, loans, reputation, null);
    }

    public Config {
      Objects.requireNonNull(host, "host");
      Objects.requireNonNull(screening, "screening");
      Objects.requireNonNull(history, "history");
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
      }
    }
  }

  private final Javalin app;

  private DunshieldServer(Javalin app) {
    this.app = app;
  }

  /** Starts listening; port 0 picks a free port (see {@link #port()}). */
  public static DunshieldServer start(Config config) {
    ScreenApi api = new ScreenApi(config.screening());
    Javalin app = Javalin.create(c -> {
      c.startup.showJavalinBanner = false;
      c.startup.showOldJavalinVersionWarning = false;
      c.jetty.host = config.host();
      c.jetty.port = config.port();
      c.routes.get("/health", ctx -> json(ctx, 200, Map.of("status", "ok")));
      c.routes.post("/api/v1/screen/call", api::call);
      c.routes.post("/api/v1/screen/sms", api::sms);
      c.routes.get("/", ctx -> ctx.html(HomePage.render(config.history().recent(50), language(ctx))));
      if (config.loans() != null) {
        new LoanApi(config.loans()).register(c.routes);
      }
      if (config.reputation() != null) {
        config.reputation().register(c.routes);
      }
      if (config.evidence() != null) {
        config.evidence().register(c.routes);
      }
      c.routes.exception(BadRequest.class, (e, ctx) -> json(ctx, 400, Json.error(e.getMessage())));
      c.routes.exception(IllegalArgumentException.class, (e, ctx) -> json(ctx, 400, Json.error(e.getMessage())));
      c.routes.exception(Exception.class, (e, ctx) -> json(ctx, 500, Json.error("internal error: " + e.getClass().getSimpleName())));
    });
    app.start();
    return new DunshieldServer(app);
  }

  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
  }

  static void json(Context ctx, int status, Object body) {
    ctx.status(status).contentType("application/json; charset=utf-8").result(Json.compact(body));
  }

  static String language(Context ctx) {
    String lang = ctx.queryParam("lang");
    if (lang != null) {
      return lang;
    }
    String accept = ctx.header("Accept-Language");
    return accept != null && accept.toLowerCase(java.util.Locale.ROOT).startsWith("zh") ? "zh" : "en";
  }

  /** A client error whose message names the field. */
  static final class BadRequest extends RuntimeException {
    BadRequest(String message) {
      super(message);
    }
  }

  /** The screening endpoints. */
  static final class ScreenApi {
    private final LiveScreening screening;

    ScreenApi(LiveScreening screening) {
      this.screening = screening;
    }

    void call(Context ctx) {
      JsonNode body = body(ctx);
      String number = text(body, "number");
      Presentation presentation = body.hasNonNull("presentation")
          ? parse("presentation", () -> Presentation.fromCode(text(body, "presentation"))) : null;
      Verdict v = screening.call(number, instant(body), presentation, "api");
      json(ctx, 200, Json.verdict(v, language(ctx)));
    }

    void sms(Context ctx) {
      JsonNode body = body(ctx);
      String sender = text(body, "sender");
      if (sender == null) {
        throw new BadRequest("field 'sender' is required");
      }
      String text = text(body, "text");
      Verdict v = screening.sms(sender, text == null ? "" : text, instant(body), "api");
      json(ctx, 200, Json.verdict(v, language(ctx)));
    }

    private static JsonNode body(Context ctx) {
      try {
        JsonNode node = Json.mapper().readTree(ctx.body());
        if (node == null || !node.isObject()) {
          throw new BadRequest("request body must be a JSON object");
        }
        return node;
      } catch (JsonProcessingException e) {
        throw new BadRequest("malformed JSON at line " + e.getLocation().getLineNr() + ", column "
            + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
      }
    }

    private static String text(JsonNode body, String field) {
      JsonNode v = body.get(field);
      if (v == null || v.isNull()) {
        return null;
      }
      if (!v.isTextual()) {
        throw new BadRequest("field '" + field + "' must be a string");
      }
      return v.asText();
    }

    private static Instant instant(JsonNode body) {
      String at = text(body, "at");
      if (at == null) {
        return null;
      }
      try {
        return OffsetDateTime.parse(at).toInstant();
      } catch (DateTimeParseException e) {
        throw new BadRequest("field 'at': '" + at + "' is not an ISO-8601 time with offset, e.g. 2026-10-14T10:00:00+08:00");
      }
    }

    private static <T> T parse(String field, java.util.function.Supplier<T> parser) {
      try {
        return parser.get();
      } catch (IllegalArgumentException e) {
        throw new BadRequest("field '" + field + "': " + e.getMessage());
      }
    }
  }

  static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }
}
