package org.dunshield.server.evidence;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dunshield.core.complaint.Fact;
import org.dunshield.core.complaint.MissingFactsException;
import org.dunshield.core.evidence.Attachment;
import org.dunshield.core.evidence.Case;
import org.dunshield.core.evidence.Verification;
import org.dunshield.core.number.PhoneNumber;

/**
 * The JSON documents of cases and the evidence chain, as maps for Jackson: the one definition shared
 * by {@link EvidenceApi} and the CLI's {@code --json} output. Stateless.
 */
public final class EvidenceJson {
  private EvidenceJson() {}

  /** {@code {"id","name","numbers":[E.164...],"from","to","created"}}, times with the offset of {@code zone}. */
  public static Map<String, Object> kase(Case c, ZoneId zone) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", c.id());
    m.put("name", c.name());
    m.put("numbers", c.numbers().stream().map(PhoneNumber::e164).toList());
    m.put("from", c.from() == null ? null : c.from().atZone(zone).toOffsetDateTime().toString());
    m.put("to", c.to() == null ? null : c.to().atZone(zone).toOffsetDateTime().toString());
    m.put("created", c.createdAt().atZone(zone).toOffsetDateTime().toString());
    return m;
  }

  /** {@code {"cases":[...]}}. */
  public static Map<String, Object> cases(List<Case> cases, ZoneId zone) {
    List<Object> list = new ArrayList<>();
    for (Case c : cases) {
      list.add(kase(c, zone));
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cases", list);
    return m;
  }

  /** {@code {"id","case","name","sha256","size"}}. */
  public static Map<String, Object> attachment(Attachment a, long caseId) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", a.id());
    m.put("case", caseId);
    m.put("name", a.name());
    m.put("sha256", a.sha256());
    m.put("size", a.size());
    return m;
  }

  /**
   * {@code {"ok","intact","links","head","brokenAt","kind","ref","problem","unchained"}}; {@code ok}
   * equals {@code intact}.
   */
  public static Map<String, Object> verification(Verification v) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ok", v.intact());
    m.put("intact", v.intact());
    m.put("links", v.linksChecked());
    m.put("head", v.head());
    m.put("brokenAt", v.brokenAt() == null ? null : v.brokenAt().seq());
    m.put("kind", v.brokenAt() == null ? null : v.brokenAt().kind().code());
    m.put("ref", v.brokenAt() == null ? null : v.brokenAt().ref());
    m.put("problem", v.problem());
    m.put("unchained", v.unchainedEvents());
    return m;
  }

  /** {@code {"error","missing":[fact codes]}}: every missing fact of a complaint. */
  public static Map<String, Object> missing(MissingFactsException e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("error", e.getMessage());
    m.put("missing", e.missing().stream().map(Fact::code).toList());
    return m;
  }

  /** {@code {"error": message}}. */
  public static Map<String, Object> error(String message) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("error", message);
    return m;
  }
}
