package org.dunshield.core.detect;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.dunshield.core.classify.SmsClassifier;
import org.dunshield.core.contact.ContactBook;
import org.dunshield.core.event.Channel;
import org.dunshield.core.event.Event;
import org.dunshield.core.event.SmsEvent;
import org.dunshield.core.number.PhoneNumber;
import org.dunshield.core.rule.RuleBook;
import org.dunshield.core.screen.Category;
import org.dunshield.core.settings.Settings;

/**
 * Finds call-bombing and SMS-bombing incidents in a history with the same {@link BurstDetector}
 * and trust rules the checks use: each incident gathers the calls (or codes) of one attack, from the
 * burst that tripped it to its last event before the cooldown. Stateless; thread-safe.
 */
public final class Incidents {
  private final DetectionSettings settings;
  private final Trust trust;
  private final Codes codes;

  public Incidents(DetectionSettings settings, SmsClassifier classifier, Settings screening, RuleBook rules,
      ContactBook contacts) {
    this(settings, classifier, new Trust(contacts, rules, screening));
  }

  public Incidents(DetectionSettings settings, SmsClassifier classifier, Trust trust) {
    this.settings = settings;
    this.trust = trust;
    this.codes = new Codes(classifier);
  }

  /** Every incident in {@code events} (any order; outgoing events are ignored), oldest first. */
  public List<Incident> find(List<? extends Event> events) {
    List<Event> ordered = new ArrayList<>();
    for (Event e : events) {
      if (e.incoming()) {
        ordered.add(e);
      }
    }
    ordered.sort(Comparator.comparing(Event::at));
    List<Incident> found = new ArrayList<>();
    if (settings.callBombing().enabled()) {
      found.addAll(scan(ordered, Channel.CALL, settings.callBombing(), Category.CALL_BOMBING));
    }
    if (settings.smsBombing().enabled()) {
      found.addAll(scan(ordered, Channel.SMS, settings.smsBombing(), Category.SMS_BOMBING));
    }
    found.sort(Comparator.comparing(Incident::start));
    return found;
  }

  private List<Incident> scan(List<Event> ordered, Channel channel, Burst config, Category kind) {
    BurstDetector detector = new BurstDetector(config, 1);
    long window = config.window().toMillis();
    Deque<Event> recent = new ArrayDeque<>();
    List<Incident> incidents = new ArrayList<>();
    List<Event> current = null;
    for (Event e : ordered) {
      if (e.channel() != channel || trust.trusted(e)
          || (channel == Channel.SMS && !codes.isCode(((SmsEvent) e).body()))) {
        continue;
      }
      long at = e.at().toEpochMilli();
      while (!recent.isEmpty() && at - recent.peekFirst().at().toEpochMilli() > window) {
        recent.pollFirst();
      }
      recent.addLast(e);
      switch (detector.observe(1, Trust.source(e), at)) {
        case TRIPPED -> {
          close(current, kind, incidents);
          long start = detector.attackStart(1);
          current = new ArrayList<>();
          for (Event r : recent) {
            if (r.at().toEpochMilli() >= start) {
              current.add(r);
            }
          }
        }
        case ONGOING -> current.add(e);
        case QUIET -> {
          close(current, kind, incidents);
          current = null;
        }
      }
    }
    close(current, kind, incidents);
    return incidents;
  }

  private static void close(List<Event> events, Category kind, List<Incident> out) {
    if (events == null || events.isEmpty()) {
      return;
    }
    Set<PhoneNumber> numbers = new LinkedHashSet<>();
    for (Event e : events) {
      if (e.number() != null) {
        numbers.add(e.number());
      }
    }
    out.add(new Incident(kind, events.get(0).at(), events.get(events.size() - 1).at(), events, List.copyOf(numbers)));
  }
}
