package org.dunshield.core.campaign;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.dunshield.core.classify.Classification;
import org.dunshield.core.classify.Shingles;
import org.dunshield.core.classify.SmsClassifier;
import org.dunshield.core.classify.VerificationCodes;
import org.dunshield.core.detect.DetectionSettings;
import org.dunshield.core.detect.Incident;
import org.dunshield.core.detect.Incidents;
import org.dunshield.core.detect.Trust;
import org.dunshield.core.event.Channel;
import org.dunshield.core.event.Event;
import org.dunshield.core.event.SmsEvent;
import org.dunshield.core.history.HistoryEntry;
import org.dunshield.core.number.PhoneNumber;
import org.dunshield.core.screen.Category;

/**
 * Groups the numbers of untrusted callers and senders into campaigns (one collector, many numbers):
 * numbers are linked when they share a block, when their messages come from one template, and when
 * they call in one pattern — one bombing incident, or turns within minutes on repeated occasions —
 * and linked numbers form a campaign, so the user can block and report it at once.
 *
 * <p>Only messages the classifier or screening calls harmful (collection, threats, fraud, marketing)
 * count for templates, and codes never do. Near-duplicate templates are compared among the last
 * {@value #TEMPLATE_CAP} distinct ones; identical ones among all. Stateless; thread-safe.
 */
public final class Campaigns {
  static final int TEMPLATE_CAP = 5000;
  private static final int MIN_TEMPLATE_CHARS = 8;
  private static final Set<Category> HARMFUL = EnumSet.of(Category.DEBT_COLLECTION, Category.THREAT, Category.FRAUD,
      Category.MARKETING, Category.CALL_BOMBING, Category.SMS_BOMBING, Category.ONE_RING, Category.ROBOCALL);
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final CampaignSettings settings;
  private final DetectionSettings detection;
  private final SmsClassifier classifier;
  private final Trust trust;

  public Campaigns(CampaignSettings settings, DetectionSettings detection, SmsClassifier classifier, Trust trust) {
    this.settings = settings;
    this.detection = detection;
    this.classifier = classifier;
    this.trust = trust;
  }

  /** The campaigns in {@code history} (any order), by first appearance. */
  public List<Campaign> find(List<HistoryEntry> history) {
    List<HistoryEntry> entries = new ArrayList<>();
    for (HistoryEntry e : history) {
      if (e.event().incoming() && e.event().number() != null && !trust.trusted(e.event())) {
        entries.add(e);
      }
    }
    entries.sort(Comparator.comparing((HistoryEntry e) -> e.event().at()).thenComparingLong(HistoryEntry::id));
    Groups groups = new Groups();
    Map<PhoneNumber, Set<Category>> categories = new HashMap<>();
    Map<HistoryEntry, Category> harmfulSms = new LinkedHashMap<>();
    for (HistoryEntry e : entries) {
      groups.add(e.event().number());
      Category c = category(e);
      if (c != null) {
        categories.computeIfAbsent(e.event().number(), n -> EnumSet.noneOf(Category.class)).add(c);
        if (e.event() instanceof SmsEvent) {
          harmfulSms.put(e, c);
        }
      }
    }
    linkBlocks(groups);
    linkTemplates(harmfulSms.keySet(), groups);
    linkTiming(entries, groups);
    return groups.campaigns(entries, categories);
  }

  /** The harmful category of an entry: its verdict's, else (for a message) the classifier's. */
  private Category category(HistoryEntry e) {
    if (e.verdict() != null && e.verdict().category() != null && HARMFUL.contains(e.verdict().category())) {
      return e.verdict().category();
    }
    if (e.event() instanceof SmsEvent sms && !VerificationCodes.looksLikeCode(sms.body())) {
      Classification c = classifier.classify(sms.body());
      return HARMFUL.contains(c.category()) ? c.category() : null;
    }
    return null;
  }

  private void linkBlocks(Groups groups) {
    int digits = settings.blockDigits();
    if (digits == 0) {
      return;
    }
    Map<String, List<PhoneNumber>> blocks = new TreeMap<>();
    for (PhoneNumber n : groups.numbers()) {
      String e164 = n.e164();
      if (e164.length() >= 11) {
        blocks.computeIfAbsent(e164.substring(0, e164.length() - digits) + "x".repeat(digits), b -> new ArrayList<>()).add(n);
      }
    }
    blocks.forEach((block, numbers) -> {
      if (numbers.size() > 1) {
        groups.link(new Link(Link.Kind.BLOCK, block, numbers));
      }
    });
  }

  private void linkTemplates(Iterable<HistoryEntry> messages, Groups groups) {
    Map<String, List<PhoneNumber>> bySkeleton = new LinkedHashMap<>();
    Map<String, String> example = new HashMap<>();
    for (HistoryEntry e : messages) {
      String body = ((SmsEvent) e.event()).body();
      String skeleton = Shingles.skeleton(body);
      if (skeleton.length() < MIN_TEMPLATE_CHARS) {
        continue;
      }
      List<PhoneNumber> senders = bySkeleton.computeIfAbsent(skeleton, s -> new ArrayList<>());
      if (!senders.contains(e.event().number())) {
        senders.add(e.event().number());
      }
      example.putIfAbsent(skeleton, body);
    }
    List<String> skeletons = new ArrayList<>(bySkeleton.keySet());
    for (String s : skeletons) {
      if (bySkeleton.get(s).size() > 1) {
        groups.link(new Link(Link.Kind.TEMPLATE, abbreviate(example.get(s)), bySkeleton.get(s)));
      }
    }
    List<String> recent = skeletons.subList(Math.max(0, skeletons.size() - TEMPLATE_CAP), skeletons.size());
    long[][] grams = new long[recent.size()][];
    for (int i = 0; i < grams.length; i++) {
      grams[i] = Shingles.of(recent.get(i));
    }
    for (int i = 0; i < grams.length; i++) {
      for (int j = i + 1; j < grams.length; j++) {
        List<PhoneNumber> a = bySkeleton.get(recent.get(i));
        List<PhoneNumber> b = bySkeleton.get(recent.get(j));
        if (!a.equals(b) && Shingles.similarity(grams[i], grams[j]) >= settings.templateSimilarity()) {
          List<PhoneNumber> both = new ArrayList<>(a);
          b.stream().filter(n -> !both.contains(n)).forEach(both::add);
          groups.link(new Link(Link.Kind.TEMPLATE, abbreviate(example.get(recent.get(i))), both));
        }
      }
    }
  }

  private void linkTiming(List<HistoryEntry> entries, Groups groups) {
    ZoneId zone = trust.settings().timezone();
    List<Event> events = entries.stream().map(HistoryEntry::event).toList();
    for (Incident i : new Incidents(detection, classifier, trust).find(events)) {
      if (i.numbers().size() > 1) {
        groups.link(new Link(Link.Kind.TIMING, i.kind().code() + " " + MINUTE.format(i.start().atZone(zone)) + " to "
            + MINUTE.format(i.end().atZone(zone)).substring(11), i.numbers()));
      }
    }
    long gap = settings.timingGap().toMillis();
    Map<List<PhoneNumber>, List<Instant>> turns = new LinkedHashMap<>();
    List<Event> calls = events.stream().filter(e -> e.channel() == Channel.CALL).toList();
    for (int j = 0; j < calls.size(); j++) {
      Event later = calls.get(j);
      for (int i = j - 1; i >= 0 && later.at().toEpochMilli() - calls.get(i).at().toEpochMilli() <= gap; i--) {
        PhoneNumber a = calls.get(i).number();
        PhoneNumber b = later.number();
        if (!a.equals(b)) {
          List<PhoneNumber> pair = a.compareTo(b) < 0 ? List.of(a, b) : List.of(b, a);
          List<Instant> times = turns.computeIfAbsent(pair, p -> new ArrayList<>());
          if (times.isEmpty() || Duration.between(times.get(times.size() - 1), later.at()).toHours() >= 1) {
            times.add(later.at());
          }
        }
      }
    }
    turns.forEach((pair, times) -> {
      if (times.size() >= settings.timingRepeats()) {
        groups.link(new Link(Link.Kind.TIMING, "call in turns within " + settings.timingGap().toMinutes()
            + " minutes, " + times.size() + " times", pair));
      }
    });
  }

  private static String abbreviate(String text) {
    String t = text.strip().replace('\n', ' ');
    return t.length() <= 60 ? t : t.substring(0, 57) + "...";
  }
}
