package org.dunshield.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import org.dunshield.core.event.CallEvent;
import org.dunshield.core.event.Event;
import org.dunshield.core.event.SmsEvent;
import org.dunshield.core.evidence.Attachment;
import org.dunshield.core.evidence.Verification;
import org.dunshield.core.history.HistoryEntry;
import org.dunshield.core.number.PhoneNumber;
import org.dunshield.core.report.CaseReport;
import org.dunshield.core.report.Counted;
import org.dunshield.core.report.Guidance;
import org.dunshield.core.report.Summary;
import org.dunshield.core.report.Violation;

/** The report as one JSON document, streamed. Stateless. */
final class JsonReport {
  private static final JsonFactory JSON = new JsonFactory();

  private JsonReport() {}

  static void write(CaseReport r, OutputStream out) throws IOException {
    try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeObjectFieldStart("case");
      g.writeNumberField("id", r.kase().id());
      g.writeStringField("name", r.kase().name());
      g.writeArrayFieldStart("numbers");
      for (PhoneNumber n : r.kase().numbers()) {
        g.writeString(n.e164());
      }
      g.writeEndArray();
      g.writeStringField("from", r.kase().from() == null ? null : offset(r, r.kase().from()));
      g.writeStringField("to", r.kase().to() == null ? null : offset(r, r.kase().to()));
      g.writeEndObject();
      g.writeStringField("language", r.language());
      g.writeStringField("timezone", r.zone().getId());
      g.writeStringField("generatedAt", offset(r, r.generatedAt()));
      g.writeBooleanField("empty", r.empty());
      Summary s = r.summary();
      g.writeObjectFieldStart("summary");
      g.writeNumberField("events", s.events());
      g.writeNumberField("calls", s.calls());
      g.writeNumberField("incomingCalls", s.incomingCalls());
      g.writeNumberField("missedCalls", s.missedCalls());
      g.writeNumberField("sms", s.sms());
      g.writeNumberField("incomingSms", s.incomingSms());
      g.writeNumberField("distinctNumbers", s.distinctNumbers());
      g.writeNumberField("quietHourCalls", s.quietHourCalls());
      g.writeStringField("first", s.first() == null ? null : offset(r, s.first()));
      g.writeStringField("last", s.last() == null ? null : offset(r, s.last()));
      g.writeEndObject();
      counted(g, "callsPerDay", r.callsPerDay());
      counted(g, "callsByHour", r.callsByHour());
      counted(g, "topNumbers", r.topNumbers());
      g.writeBooleanField("conductAnalysed", r.conductAnalysed());
      g.writeArrayFieldStart("violations");
      for (Violation v : r.violations()) {
        g.writeStartObject();
        g.writeStringField("ruleSet", v.ruleSet());
        g.writeStringField("rule", v.rule(r.language()));
        g.writeStringField("at", offset(r, v.at()));
        g.writeStringField("number", v.number() == null ? null : v.number().e164());
        g.writeStringField("detail", v.detail(r.language()));
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("events");
      for (HistoryEntry entry : r.events()) {
        event(g, r, entry);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("manifest");
      for (Attachment a : r.attachments()) {
        g.writeStartObject();
        g.writeStringField("name", a.name());
        g.writeStringField("sha256", a.sha256());
        g.writeNumberField("size", a.size());
        g.writeEndObject();
      }
      g.writeEndArray();
      Verification v = r.chain();
      if (v != null) {
        g.writeObjectFieldStart("chain");
        g.writeBooleanField("intact", v.intact());
        g.writeNumberField("links", v.linksChecked());
        g.writeStringField("head", v.head());
        g.writeStringField("message", v.describe(r.language()));
        g.writeEndObject();
      }
      g.writeObjectFieldStart("guidance");
      g.writeStringField("title", Guidance.title(r.language()));
      g.writeArrayFieldStart("rights");
      for (String p : Guidance.rights(r.language())) {
        g.writeString(p);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("consequences");
      for (String p : Guidance.consequences(r.language())) {
        g.writeString(p);
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeEndObject();
    }
  }

  private static void event(JsonGenerator g, CaseReport r, HistoryEntry entry) throws IOException {
    Event e = entry.event();
    g.writeStartObject();
    g.writeNumberField("id", entry.id());
    g.writeStringField("at", offset(r, e.at()));
    g.writeStringField("kind", e.channel().code());
    g.writeStringField("direction", e.direction().code());
    g.writeStringField("number", e.number() == null ? null : e.number().e164());
    g.writeStringField("raw", e.rawNumber());
    if (e instanceof CallEvent call) {
      g.writeStringField("type", call.type().code());
      g.writeNumberField("durationSeconds", call.duration().getSeconds());
    } else {
      g.writeStringField("text", ((SmsEvent) e).body());
    }
    if (entry.verdict() != null) {
      g.writeStringField("action", entry.verdict().action().code());
      g.writeStringField("category", entry.verdict().category() == null ? null : entry.verdict().category().code());
    }
    g.writeStringField("source", entry.source());
    g.writeEndObject();
  }

  private static void counted(JsonGenerator g, String name, java.util.List<Counted> list) throws IOException {
    g.writeArrayFieldStart(name);
    for (Counted c : list) {
      g.writeStartObject();
      g.writeStringField("label", c.label());
      g.writeNumberField("count", c.count());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static String offset(CaseReport r, java.time.Instant at) {
    return at.atZone(r.zone()).toOffsetDateTime().toString();
  }
}
