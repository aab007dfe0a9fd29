package org.dunshield.server.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.dunshield.core.complaint.Complaint;
import org.dunshield.core.complaint.ComplaintChannel;
import org.dunshield.core.complaint.MissingFactsException;
import org.dunshield.core.evidence.Case;
import org.dunshield.core.number.NumberParser;
import org.dunshield.core.number.PhoneNumber;
import org.dunshield.report.CjkFont;
import org.dunshield.report.Format;
import org.dunshield.report.Reports;
import org.dunshield.server.Json;

/**
 * Cases, reports, complaint drafts and the evidence chain over HTTP, for the web application: the
 * same {@link CaseDesk}, renderers ({@link Reports}) and JSON documents ({@link EvidenceJson}) as
 * the {@code case}, {@code report}, {@code complain} and {@code evidence} commands.
 *
 * <ul>
 *   <li>{@code GET /api/v1/cases} → {@code {"cases":[...]}}</li>
 *   <li>{@code POST /api/v1/cases {"name","numbers":[...],"from","to"}} → 201, the case</li>
 *   <li>{@code GET /api/v1/cases/{id}/report?format=pdf|html|csv|json&lang=zh|en} → the document</li>
 *   <li>{@code GET /api/v1/cases/{id}/complaints/{channel}?format=text|pdf&lang=&FACT=VALUE...} → the
 *       draft, or 422 {@code {"error","missing":[...]}}</li>
 *   <li>{@code GET /api/v1/evidence/verify} → {@code {"ok","intact","links","head",...}}</li>
 * </ul>
 *
 * {@code {id}} is a case's id or name. Bad input answers 400 {@code {"error"}} naming the field or
 * parameter, an unknown case 404. Thread-safe.
 */
public final class EvidenceApi {
  public static final String CASES = "/api/v1/cases";
  public static final String VERIFY = "/api/v1/evidence/verify";

  private static final Set<String> CASE_FIELDS = Set.of("name", "numbers", "from", "to");
  /** Query parameters of the complaint route that are not facts. */
  private static final Set<String> COMPLAINT_PARAMETERS = Set.of("lang", "format");

  private final java.util.function.Function<Context, CaseDesk> desks;

  public EvidenceApi(CaseDesk desk) {
    Objects.requireNonNull(desk, "desk");
    this.desks = ctx -> desk;
  }

  /** The desk of each request's account ({@code desks} decides whose, e.g. the signed-in user's). */
  public EvidenceApi(java.util.function.Function<Context, CaseDesk> desks) {
    this.desks = Objects.requireNonNull(desks, "desks");
  }

  /** Declares the routes. */
  public void register(JavalinDefaultRoutingApi routes) {
    routes.get(CASES, guarded(this::list));
    routes.post(CASES, guarded(this::create));
    routes.get(CASES + "/{id}/report", guarded(this::report));
    routes.get(CASES + "/{id}/complaints/{channel}", guarded(this::complaint));
    routes.get(VERIFY, guarded(this::verify));
  }

  private void list(Context ctx) {
    json(ctx, 200, EvidenceJson.cases(desks.apply(ctx).list(), desks.apply(ctx).zone()));
  }

  private void create(Context ctx) {
    JsonNode body = body(ctx.body());
    ZoneId zone = desks.apply(ctx).zone();
    String name = text(body, "name");
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("field 'name' is required");
    }
    List<PhoneNumber> numbers = new ArrayList<>();
    JsonNode list = body.get("numbers");
    if (list != null && !list.isNull()) {
      if (!list.isArray()) {
        throw new IllegalArgumentException("field 'numbers' must be an array of phone numbers");
      }
      NumberParser parser = NumberParser.forRegion(desks.apply(ctx).settings().region());
      for (int i = 0; i < list.size(); i++) {
        JsonNode n = list.get(i);
        if (!n.isTextual()) {
          throw new IllegalArgumentException("field 'numbers[" + i + "]' must be a string");
        }
        if (!n.textValue().isBlank()) {
          try {
            numbers.add(parser.parse(n.textValue().strip()));
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field 'numbers[" + i + "]': " + e.getMessage(), e);
          }
        }
      }
    }
    Instant from = time(body, "from", zone, false);
    Instant to = time(body, "to", zone, true);
    Case created;
    try {
      created = desks.apply(ctx).create(new Case(0, name, numbers, from, to, desks.apply(ctx).clock().instant()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("field 'name': " + e.getMessage(), e);
    }
    json(ctx, 201, EvidenceJson.kase(created, zone));
  }

  private void report(Context ctx) {
    String format = ctx.queryParam("format");
    if (format == null || format.isBlank()) {
      throw new IllegalArgumentException("parameter 'format' is required: pdf, html, csv or json");
    }
    Format f = parameter("format", () -> Format.fromCode(format));
    String language = language(ctx);
    Case kase = desks.apply(ctx).find(ctx.pathParam("id"));
    byte[] document = rendered(() -> Reports.render(desks.apply(ctx).report(kase, language), f));
    ctx.status(200).contentType(Reports.contentType(f))
        .header("Content-Disposition", "inline; filename=\"case-" + kase.id() + "." + f.name().toLowerCase(Locale.ROOT) + "\"")
        .result(document);
  }

  private void complaint(Context ctx) {
    ComplaintChannel channel = parameter("channel", () -> ComplaintChannel.fromCode(ctx.pathParam("channel")));
    String format = ctx.queryParam("format");
    boolean pdf;
    if (format == null || format.isBlank() || format.equalsIgnoreCase("text")) {
      pdf = false;
    } else if (format.equalsIgnoreCase("pdf")) {
      pdf = true;
    } else {
      throw new IllegalArgumentException("parameter 'format': '" + format + "' is not text or pdf");
    }
    String language = language(ctx);
    Map<String, String> facts = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> p : ctx.queryParamMap().entrySet()) {
      if (!COMPLAINT_PARAMETERS.contains(p.getKey()) && !p.getValue().isEmpty()) {
        facts.put(p.getKey(), p.getValue().get(p.getValue().size() - 1));
      }
    }
    Case kase = desks.apply(ctx).find(ctx.pathParam("id"));
    Complaint draft;
    try {
      draft = desks.apply(ctx).complaint(kase, channel, facts, language);
    } catch (MissingFactsException e) {
      json(ctx, 422, EvidenceJson.missing(e));
      return;
    }
    byte[] document = rendered(() -> Reports.render(draft, pdf));
    ctx.status(200).contentType(pdf ? "application/pdf" : "text/plain; charset=utf-8")
        .header("Content-Disposition", "inline; filename=\"complaint-" + kase.id() + "-" + channel.code()
            + (pdf ? ".pdf" : ".txt") + "\"")
        .result(document);
  }

  private void verify(Context ctx) {
    json(ctx, 200, EvidenceJson.verification(desks.apply(ctx).verify()));
  }

  /** {@code lang} when given (zh or en), else from Accept-Language, else en. */
  private static String language(Context ctx) {
    String lang = ctx.queryParam("lang");
    if (lang != null && !lang.isBlank()) {
      String l = lang.strip().toLowerCase(Locale.ROOT);
      if (l.startsWith("zh")) {
        return "zh";
      }
      if (l.startsWith("en")) {
        return "en";
      }
      throw new IllegalArgumentException("parameter 'lang' must be zh or en, got '" + lang + "'");
    }
    String accept = ctx.header("Accept-Language");
    return accept != null && accept.toLowerCase(Locale.ROOT).startsWith("zh") ? "zh" : "en";
  }

  private static JsonNode body(String text) {
    JsonNode node;
    try {
      node = text == null || text.isBlank() ? null : Json.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("malformed JSON at line " + e.getLocation().getLineNr() + ", column "
          + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("request body must be a JSON object");
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!CASE_FIELDS.contains(name)) {
        throw new IllegalArgumentException("unknown field '" + name + "'; expected name, numbers, from, to");
      }
    }
    return node;
  }

  private static String text(JsonNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw new IllegalArgumentException("field '" + field + "' must be a string");
    }
    return v.textValue();
  }

  /** A day (2026-10-12: its start, or the next day's start when {@code endOfDay}) or an ISO time. */
  private static Instant time(JsonNode body, String field, ZoneId zone, boolean endOfDay) {
    String t = text(body, field);
    if (t == null || t.isBlank()) {
      return null;
    }
    try {
      LocalDate day = LocalDate.parse(t);
      return (endOfDay ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
    } catch (DateTimeParseException notADay) {
      try {
        return OffsetDateTime.parse(t).toInstant();
      } catch (DateTimeParseException withoutOffset) {
        try {
          return LocalDateTime.parse(t).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
          throw new IllegalArgumentException("field '" + field + "': '" + t
              + "' is not a day (2026-10-12) or an ISO-8601 time such as 2026-10-14T10:00:00+08:00");
        }
      }
    }
  }

  private static <T> T parameter(String name, java.util.function.Supplier<T> parser) {
    try {
      return parser.get();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("parameter '" + name + "': " + e.getMessage(), e);
    }
  }

  private static byte[] rendered(java.util.function.Supplier<byte[]> render) {
    try {
      return render.get();
    } catch (CjkFont.MissingFontException e) {
      throw new FontUnavailable(e.getMessage());
    }
  }

  /** Answers 400/404/422/503 as JSON, whatever the server's defaults. */
  private static Handler guarded(Handler handler) {
    return ctx -> {
      try {
        handler.handle(ctx);
      } catch (CaseDesk.UnknownCaseException e) {
        json(ctx, 404, EvidenceJson.error(e.getMessage()));
      } catch (MissingFactsException e) {
        json(ctx, 422, EvidenceJson.missing(e));
      } catch (FontUnavailable e) {
        json(ctx, 503, EvidenceJson.error(e.getMessage()));
      } catch (IllegalArgumentException e) {
        json(ctx, 400, EvidenceJson.error(e.getMessage()));
      }
    };
  }

  private static void json(Context ctx, int status, Map<String, Object> body) {
    ctx.status(status).contentType("application/json; charset=utf-8").result(Json.compact(body));
  }

  /** No CJK font to render a PDF: the message says what to install. */
  private static final class FontUnavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    FontUnavailable(String message) {
      super(message);
    }
  }
}
