package org.dunshield.cli;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dunshield.core.detect.Incident;
import org.dunshield.core.event.Event;
import org.dunshield.core.number.PhoneNumber;

/** The JSON shapes of detector results (incidents, events) shared by {@code replay} and {@code analyze}. */
final class DetectionJson {
  private DetectionJson() {}

  static String time(Instant at, ZoneId zone) {
    return at.atZone(zone).toOffsetDateTime().toString();
  }

  /** {@code {"kind","start","end","events","numbers":[...]}}. */
  static Map<String, Object> incident(Incident i, ZoneId zone) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", i.kind().code());
    m.put("start", time(i.start(), zone));
    m.put("end", time(i.end(), zone));
    m.put("events", i.events().size());
    m.put("numbers", numbers(i.numbers()));
    return m;
  }

  /** {@code {"id","numbers","links":[{"kind","detail","numbers"}],"calls","messages","firstSeen","lastSeen","categories"}}. */
  static Map<String, Object> campaign(org.dunshield.core.campaign.Campaign k, ZoneId zone) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("id", k.id());
    m.put("numbers", numbers(k.numbers()));
    List<Object> links = new java.util.ArrayList<>();
    for (org.dunshield.core.campaign.Link l : k.links()) {
      Map<String, Object> lm = new java.util.LinkedHashMap<>();
      lm.put("kind", l.kind().code());
      lm.put("detail", l.detail());
      lm.put("numbers", numbers(l.numbers()));
      links.add(lm);
    }
    m.put("links", links);
    m.put("calls", k.calls());
    m.put("messages", k.messages());
    m.put("firstSeen", time(k.firstSeen(), zone));
    m.put("lastSeen", time(k.lastSeen(), zone));
    m.put("categories", k.categories().stream().map(x -> x.code()).toList());
    return m;
  }

  static List<String> numbers(List<PhoneNumber> numbers) {
    List<String> out = new ArrayList<>();
    for (PhoneNumber n : numbers) {
      out.add(n.e164());
    }
    return out;
  }

  /** {@code {"at","kind","number","raw"[,"type","durationSeconds"|"text"]}}. */
  static Map<String, Object> event(Event e, ZoneId zone) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("at", time(e.at(), zone));
    m.put("kind", e.channel().code());
    m.put("number", e.number() == null ? null : e.number().e164());
    m.put("raw", e.rawNumber());
    if (e instanceof org.dunshield.core.event.CallEvent c) {
      m.put("type", c.type().code());
      m.put("durationSeconds", c.duration().toSeconds());
    } else if (e instanceof org.dunshield.core.event.SmsEvent s) {
      m.put("text", s.body());
    }
    return m;
  }
}
