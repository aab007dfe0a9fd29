package org.dunshield.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.Map;
import org.dunshield.core.event.CallEvent;
import org.dunshield.core.event.Event;
import org.dunshield.core.event.SmsEvent;
import org.dunshield.core.screen.Verdict;

/**
 * The JSON shapes of the public contract (CLI {@code --json} and the HTTP API), built as ordered
 * maps so the field order is stable. Thread-safe.
 */
public final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final ObjectMapper COMPACT = new ObjectMapper();

  private Json() {}

  /** The shared mapper, for reading request bodies. */
  public static ObjectMapper mapper() {
    return COMPACT;
  }

  /** Pretty-printed JSON, for terminals. */
  public static String pretty(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  /** Compact JSON, for HTTP. */
  public static String compact(Object value) {
    try {
      return COMPACT.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  /**
   * {@code {"action","check","rule","category","reason","reasons":{"zh","en"},"number"}}; {@code reason}
   * is in {@code language} ({@code zh} or {@code en}).
   */
  public static Map<String, Object> verdict(Verdict v, String language) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("action", v.action().code());
    m.put("check", v.check());
    m.put("rule", v.ruleId());
    m.put("category", v.category() == null ? null : v.category().code());
    m.put("reason", v.reason().in(language));
    Map<String, Object> reasons = new LinkedHashMap<>();
    reasons.put("zh", v.reason().zh());
    reasons.put("en", v.reason().en());
    m.put("reasons", reasons);
    m.put("number", v.number() == null ? null : v.number().e164());
    return m;
  }

  /** An event as stored: {@code at, kind, direction, number, raw, ...}. */
  public static Map<String, Object> event(Event e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("at", e.at().toString());
    m.put("kind", e.channel().code());
    m.put("direction", e.direction().code());
    m.put("number", e.number() == null ? null : e.number().e164());
    m.put("raw", e.rawNumber());
    if (e instanceof CallEvent c) {
      m.put("type", c.type().code());
      m.put("presentation", c.presentation().code());
      m.put("durationSeconds", c.duration().toSeconds());
    } else if (e instanceof SmsEvent s) {
      m.put("text", s.body());
    }
    return m;
  }

  /** {@code {"error": message}}. */
  public static Map<String, Object> error(String message) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("error", message);
    return m;
  }
}
