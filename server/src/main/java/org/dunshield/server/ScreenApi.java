package org.dunshield.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import org.dunshield.core.event.Presentation;
import org.dunshield.core.screen.LiveScreening;
import org.dunshield.core.screen.LiveScreening.Decision;

/**
 * The screening endpoints, {@code POST /api/v1/screen/call} and {@code /api/v1/screen/sms}: a JSON
 * body in, the verdict out, the event recorded before the answer. {@link ScreeningHandler} serves
 * them without Javalin for the requests it can authorise from their headers; the rest (sessions,
 * CSRF tokens, refusals) reach the Javalin handlers here after {@link
 * org.dunshield.server.account.Guard#check}. Both parse and decide with {@link #decide}, and share
 * one {@link Admission}. Thread-safe.
 */
final class ScreenApi {
  /** The two endpoints. */
  enum Route {
    CALL("/api/v1/screen/call"),
    SMS("/api/v1/screen/sms");

    final String path;

    Route(String path) {
      this.path = path;
    }

    static Route of(String path) {
      for (Route r : values()) {
        if (r.path.equals(path)) {
          return r;
        }
      }
      return null;
    }
  }

  /** Where a screened request says it came from, in the history's {@code source}. */
  static final String SOURCE = "api";

  private final Function<Context, LiveScreening> screenings;
  private final Admission admission;

  ScreenApi(Function<Context, LiveScreening> screenings, Admission admission) {
    this.screenings = screenings;
    this.admission = admission;
  }

  void call(Context ctx) {
    handle(ctx, Route.CALL);
  }

  void sms(Context ctx) {
    handle(ctx, Route.SMS);
  }

  private void handle(Context ctx, Route route) {
    if (!admission.tryEnter()) {
      ctx.header("Retry-After", "1");
      DunshieldServer.json(ctx, 503, Json.error(OVERLOADED));
      return;
    }
    long started = System.nanoTime();
    String answer;
    try {
      LiveScreening screening = screenings.apply(ctx);
      Decision decision = decide(screening, route, ctx.bodyAsBytes());
      screening.record(decision, SOURCE);
      answer = Json.compact(Json.verdict(decision.verdict(), DunshieldServer.language(ctx)));
    } finally {
      admission.leave();
    }
    ctx.header("Server-Timing", serverTiming(started));
    ctx.status(200).contentType(JSON).result(answer);
  }

  static final String JSON = "application/json; charset=utf-8";
  static final String OVERLOADED = "overloaded: too many screening requests at once; retry after a second";

  /**
   * {@code Server-Timing: screen;dur=MS} for a request admitted at {@code started} ({@link
   * System#nanoTime}): how long it took inside the server, in hundredths of a millisecond (load tests
   * read it).
   */
  static String serverTiming(long started) {
    long hundredths = (System.nanoTime() - started) / 10_000;
    long fraction = hundredths % 100;
    return "screen;dur=" + hundredths / 100 + (fraction < 10 ? ".0" : ".") + fraction;
  }

  /**
   * Decides the request whose JSON body is {@code body}, without recording it.
   *
   * @throws DunshieldServer.BadRequest naming the field, for a malformed body
   * @throws IllegalArgumentException for a number that is not one
   */
  static Decision decide(LiveScreening screening, Route route, byte[] body) {
    JsonNode json = body(body);
    return switch (route) {
      case CALL -> {
        String number = text(json, "number");
        Presentation presentation = json.hasNonNull("presentation")
            ? parse("presentation", () -> Presentation.fromCode(text(json, "presentation"))) : null;
        yield screening.decideCall(number, instant(json), presentation);
      }
      case SMS -> {
        String sender = text(json, "sender");
        if (sender == null) {
          throw new DunshieldServer.BadRequest("field 'sender' is required");
        }
        String text = text(json, "text");
        yield screening.decideSms(sender, text == null ? "" : text, instant(json));
      }
    };
  }

  /** The request body as a JSON object; a client error naming the line and column when it is not one. */
  static JsonNode body(byte[] body) {
    try {
      JsonNode node = Json.mapper().readTree(body);
      if (node == null || !node.isObject()) {
        throw new DunshieldServer.BadRequest("request body must be a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new DunshieldServer.BadRequest("malformed JSON at line " + e.getLocation().getLineNr() + ", column "
          + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new DunshieldServer.BadRequest("unreadable request body: " + e.getMessage());
    }
  }

  private static String text(JsonNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw new DunshieldServer.BadRequest("field '" + field + "' must be a string");
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
      throw new DunshieldServer.BadRequest("field 'at': '" + at
          + "' is not an ISO-8601 time with offset, e.g. 2026-10-14T10:00:00+08:00");
    }
  }

  private static <T> T parse(String field, java.util.function.Supplier<T> parser) {
    try {
      return parser.get();
    } catch (IllegalArgumentException e) {
      throw new DunshieldServer.BadRequest("field '" + field + "': " + e.getMessage());
    }
  }
}
