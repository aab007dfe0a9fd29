package org.dunshield.core.screen;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.dunshield.core.contact.ContactBook;
import org.dunshield.core.contact.ContactRepository;
import org.dunshield.core.event.Presentation;
import org.dunshield.core.history.HistoryRepository;
import org.dunshield.core.number.NumberParser;
import org.dunshield.core.number.PhoneNumber;
import org.dunshield.core.rule.RuleBook;
import org.dunshield.core.rule.RuleRepository;
import org.dunshield.core.settings.Settings;
import org.dunshield.core.settings.SettingsRepository;

/**
 * Screening as the CLI and the server do it: normalise what arrived, decide against the stored
 * rules, contacts, settings and history, and append the event with its verdict to the history.
 *
 * <p>The compiled rules and contacts are cached for {@code refresh} (measured on the injected
 * clock), so changes made by another process (the CLI while a server runs) take effect within that
 * time. Thread-safe.
 */
public final class LiveScreening {
  private final RuleRepository rules;
  private final ContactRepository contacts;
  private final SettingsRepository settings;
  private final HistoryRepository history;
  private final Screener screener;
  private final Clock clock;
  private final Duration refresh;
  private volatile Snapshot snapshot;

  private record Snapshot(Instant loaded, Settings settings, NumberParser numbers, RuleBook rules, ContactBook contacts) {}

  public LiveScreening(RuleRepository rules, ContactRepository contacts, SettingsRepository settings,
      HistoryRepository history, Screener screener, Clock clock, Duration refresh) {
    this.rules = Objects.requireNonNull(rules);
    this.contacts = Objects.requireNonNull(contacts);
    this.settings = Objects.requireNonNull(settings);
    this.history = Objects.requireNonNull(history);
    this.screener = Objects.requireNonNull(screener);
    this.clock = Objects.requireNonNull(clock);
    this.refresh = Objects.requireNonNull(refresh);
  }

  /**
   * Screens and records an incoming call.
   *
   * @param rawNumber the caller as received, or {@code null}/blank for a withheld number
   * @param at when it rang, or {@code null} for now
   * @throws org.dunshield.core.number.InvalidNumberException when {@code rawNumber} is not a number
   */
  public Verdict call(String rawNumber, Instant at, Presentation presentation, String source) {
    Snapshot s = current();
    PhoneNumber number = rawNumber == null || rawNumber.isBlank() ? null : s.numbers().parse(rawNumber);
    Presentation p = presentation == null ? (number == null ? Presentation.RESTRICTED : Presentation.ALLOWED) : presentation;
    if (p.withheld()) {
      number = null;
    }
    return decide(Incoming.call(at == null ? clock.instant() : at, number, p), s, source);
  }

  /**
   * Screens and records an incoming SMS. A sender with letters ("BANK") is an alphanumeric sender
   * ID and screened without a number.
   */
  public Verdict sms(String rawSender, String text, Instant at, String source) {
    Snapshot s = current();
    PhoneNumber number = rawSender == null || rawSender.isBlank() || rawSender.chars().anyMatch(Character::isLetter)
        ? null : s.numbers().parse(rawSender);
    return decide(Incoming.sms(at == null ? clock.instant() : at, number, text), s, source);
  }

  /** The parser for the configured region (for callers that need to normalise themselves). */
  public NumberParser numbers() {
    return current().numbers();
  }

  /** Drops the cached rules and contacts, so the next decision reloads them. */
  public void invalidate() {
    snapshot = null;
  }

  private Verdict decide(Incoming incoming, Snapshot s, String source) {
    Verdict verdict = screener.screen(incoming, new ScreeningContext(s.settings(), s.rules(), s.contacts(), history));
    history.append(incoming.toEvent(), verdict, source);
    return verdict;
  }

  private Snapshot current() {
    Snapshot s = snapshot;
    Instant now = clock.instant();
    if (s == null || now.isBefore(s.loaded()) || Duration.between(s.loaded(), now).compareTo(refresh) >= 0) {
      Settings loaded = settings.load();
      NumberParser numbers = NumberParser.forRegion(loaded.region());
      s = new Snapshot(now, loaded, numbers, RuleBook.indexed(rules.list(), numbers), ContactBook.of(contacts.numbers()));
      snapshot = s;
    }
    return s;
  }
}
