package org.dunshield.core.conduct;

import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.dunshield.core.campaign.Campaign;
import org.dunshield.core.classify.SmsClassifier;
import org.dunshield.core.classify.VerificationCodes;
import org.dunshield.core.detect.Trust;
import org.dunshield.core.event.SmsEvent;
import org.dunshield.core.history.HistoryEntry;
import org.dunshield.core.number.PhoneNumber;
import org.dunshield.core.rule.RuleMatch;
import org.dunshield.core.screen.Category;

/**
 * Which numbers are collectors, for the conduct analysis: numbers screening judged
 * {@code debt_collection} or {@code threat} (not by the mere redial label), numbers that sent a
 * message the classifier reads so, numbers a user rule labels so, numbers the user names — and
 * every number of a campaign one of them belongs to. Each collector is named by its campaign id, or
 * by its own number. Trusted numbers are never collectors. Stateless.
 */
public final class CollectorNumbers {
  private static final Set<Category> COLLECTION = EnumSet.of(Category.DEBT_COLLECTION, Category.THREAT);

  private CollectorNumbers() {}

  /** Collector numbers and the collector each belongs to, ordered by number. */
  public static Map<PhoneNumber, String> find(Collection<HistoryEntry> history, Collection<Campaign> campaigns,
      SmsClassifier classifier, Trust trust, Collection<PhoneNumber> named) {
    Set<PhoneNumber> found = new LinkedHashSet<>(named);
    for (HistoryEntry e : history) {
      PhoneNumber n = e.event().number();
      if (n == null || !e.event().incoming() || found.contains(n) || trust.trusted(e.event())) {
        continue;
      }
      if (judged(e) || labelled(e, trust) || (e.event() instanceof SmsEvent sms && reads(sms.body(), classifier))) {
        found.add(n);
      }
    }
    Map<PhoneNumber, String> collectors = new TreeMap<>();
    for (Campaign c : campaigns) {
      if (c.numbers().stream().anyMatch(found::contains)) {
        c.numbers().forEach(n -> collectors.put(n, c.id()));
      }
    }
    for (PhoneNumber n : found) {
      collectors.putIfAbsent(n, n.e164());
    }
    return collectors;
  }

  private static boolean judged(HistoryEntry e) {
    return e.verdict() != null && e.verdict().category() != null && COLLECTION.contains(e.verdict().category())
        && !"label".equals(e.verdict().check());
  }

  private static boolean labelled(HistoryEntry e, Trust trust) {
    RuleMatch m = trust.rules().match(e.event().number(), e.event().channel(), e.event().at(), trust.settings().timezone());
    if (m == null || m.label().isEmpty()) {
      return false;
    }
    try {
      return COLLECTION.contains(Category.fromCode(m.label()));
    } catch (IllegalArgumentException notACategory) {
      return false;
    }
  }

  private static boolean reads(String body, SmsClassifier classifier) {
    return !VerificationCodes.looksLikeCode(body) && COLLECTION.contains(classifier.classify(body).category());
  }
}
