package org.dunshield.server.reputation;

import java.util.LinkedHashMap;
import java.util.Map;
import org.dunshield.core.reputation.BlockLabel;
import org.dunshield.core.reputation.Dispute;
import org.dunshield.core.reputation.Reputation;
import org.dunshield.core.reputation.ReputationCheck;
import org.dunshield.core.screen.Category;

/**
 * The JSON shapes of the reputation (CLI {@code reputation ... --json} and the HTTP API), as
 * ordered maps so the field order is stable. Documented in {@code docs/reputation.md}. Thread-safe.
 */
public final class ReputationJson {
  private ReputationJson() {}

  /**
   * {@code {"number","category","score","reporters","supporters","confidence","harmful","settled",
   * "disputed","source","block","firstSeen","lastSeen","categories","reason"}}.
   */
  public static Map<String, Object> reputation(Reputation r, double threshold) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("number", r.number().e164());
    m.put("category", r.category() == null ? null : r.category().code());
    m.put("score", round(r.score()));
    m.put("reporters", r.reporters());
    m.put("supporters", r.supporters());
    m.put("approximate", r.approximate());
    m.put("confidence", round(r.confidence()));
    m.put("harmful", r.harmful());
    m.put("settled", r.settled(threshold));
    m.put("disputed", r.disputed());
    m.put("source", r.source().code());
    m.put("block", r.block() == null ? null : block(r.block()));
    m.put("firstSeen", r.firstSeen() == null ? null : r.firstSeen().toString());
    m.put("lastSeen", r.lastSeen() == null ? null : r.lastSeen().toString());
    Map<String, Object> categories = new LinkedHashMap<>();
    for (Category c : Category.values()) {
      Integer n = r.categories().get(c);
      if (n != null) {
        categories.put(c.code(), n);
      }
    }
    m.put("categories", categories);
    if (r.category() != null) {
      var reason = ReputationCheck.reason(r);
      Map<String, Object> reasons = new LinkedHashMap<>();
      reasons.put("zh", reason.zh());
      reasons.put("en", reason.en());
      m.put("reason", reasons);
    } else {
      m.put("reason", null);
    }
    return m;
  }

  /** {@code {"pattern","size","category","score","flagged","benign"}}. */
  public static Map<String, Object> block(BlockLabel b) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("pattern", b.pattern());
    m.put("size", b.size());
    m.put("category", b.category().code());
    m.put("score", round(b.score()));
    m.put("flagged", b.flagged());
    m.put("benign", b.benign());
    return m;
  }

  /** {@code {"id","number","claimant","statement","openedAt","state","resolvedAt","rightful"}}. */
  public static Map<String, Object> dispute(Dispute d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", d.id());
    m.put("number", d.number().e164());
    m.put("claimant", d.claimant());
    m.put("statement", d.statement());
    m.put("openedAt", d.openedAt().toString());
    m.put("state", d.state().code());
    m.put("resolvedAt", d.resolvedAt() == null ? null : d.resolvedAt().toString());
    m.put("rightful", d.rightful() == null ? null : d.rightful().code());
    return m;
  }

  /** Three decimals are plenty for a score and keep the JSON readable. */
  static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
