package org.dunshield.core.screen;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.dunshield.core.contact.ContactBook;
import org.dunshield.core.contact.ContactRepository;
import org.dunshield.core.event.Presentation;
import org.dunshield.core.history.HistoryRepository;
import org.dunshield.core.history.LiveHistory;
import org.dunshield.core.number.NumberParser;
import org.dunshield.core.number.PhoneNumber;
import org.dunshield.core.rule.Rule;
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
 * time. Given an executor for reloads, a decision after the refresh time does not wait for the
 * store: it uses the cached rules while the executor reloads them (changes then take effect within
 * the refresh time plus the reload's); the first load, one after {@link #invalidate} and one after a
 * failed background reload happen on the caller's thread. Thread-safe.
 */
public final class LiveScreening {
  private final RuleRepository rules;
  private final ContactRepository contacts;
  private final SettingsRepository settings;
  private final LiveHistory history;
  private final Screener screener;
  private final Clock clock;
  private final Duration refresh;
  private final Executor reloads; // null: reload on the caller's thread
  private final AtomicReference<Snapshot> snapshot = new AtomicReference<>();
  private final AtomicBoolean reloading = new AtomicBoolean();

  /** What screening reads; {@code rulesHash} and {@code contactsHash} tell whether a reload changed anything. */
  private record Snapshot(Instant loaded, Settings settings, NumberParser numbers, RuleBook rules, int rulesHash,
      ContactBook contacts, int contactsHash) {}

  public LiveScreening(RuleRepository rules, ContactRepository contacts, SettingsRepository settings,
      HistoryRepository history, Screener screener, Clock clock, Duration refresh) {
    this(rules, contacts, settings, history, screener, clock, refresh, null);
  }

  /**
   * @param reloads runs the reloads that follow the refresh time, so decisions need not wait for
   *     the store (the SIP service and the web server, e.g. {@link #reloadThread}); {@code null}
   *     reloads on the deciding thread (the CLI)
   */
  public LiveScreening(RuleRepository rules, ContactRepository contacts, SettingsRepository settings,
      HistoryRepository history, Screener screener, Clock clock, Duration refresh, Executor reloads) {
    this.reloads = reloads;
    this.rules = Objects.requireNonNull(rules);
    this.contacts = Objects.requireNonNull(contacts);
    this.settings = Objects.requireNonNull(settings);
    this.history = new LiveHistory(Objects.requireNonNull(history));
    this.screener = Objects.requireNonNull(screener);
    this.clock = Objects.requireNonNull(clock);
    this.refresh = Objects.requireNonNull(refresh);
  }

  /**
   * An executor for the background reloads of many accounts' screenings: one daemon thread named
   * {@code name}, one reload at a time in order, started on demand and ended after 10 s idle. The
   * thread has the lowest priority: decisions go on with the cached state meanwhile, so a reload
   * should not take a CPU from them (where the JVM maps priorities to the OS, e.g. Linux with
   * {@code -XX:ThreadPriorityPolicy=1}).
   */
  public static ExecutorService reloadThread(String name) {
    Objects.requireNonNull(name, "name");
    return new ThreadPoolExecutor(0, 1, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      t.setPriority(Thread.MIN_PRIORITY);
      return t;
    });
  }

  /**
   * Screens and records an incoming call.
   *
   * @param rawNumber the caller as received, or {@code null}/blank for a withheld number
   * @param at when it rang, or {@code null} for now
   * @throws org.dunshield.core.number.InvalidNumberException when {@code rawNumber} is not a number
   */
  public Verdict call(String rawNumber, Instant at, Presentation presentation, String source) {
    Decision decision = decideCall(rawNumber, at, presentation);
    record(decision, source);
    return decision.verdict();
  }

  /** A decision not recorded yet: what arrived and the verdict about it. */
  public record Decision(Incoming incoming, Verdict verdict) {}

  /**
   * Screens an incoming call without recording it, for a caller that answers first and records
   * right after ({@link #record}), such as the SIP service, whose callers wait on the answer. The
   * detectors see the call once it is recorded, so decide and record one call of an account before
   * deciding its next.
   */
  public Decision decideCall(String rawNumber, Instant at, Presentation presentation) {
    Snapshot s = current();
    PhoneNumber number = rawNumber == null || rawNumber.isBlank() ? null : s.numbers().parse(rawNumber);
    Presentation p = presentation == null ? (number == null ? Presentation.RESTRICTED : Presentation.ALLOWED) : presentation;
    if (p.withheld()) {
      number = null;
    }
    return decide(Incoming.call(at == null ? clock.instant() : at, number, p), s);
  }

  /** Appends a decision to the history, with where it came from ({@code source}). */
  public void record(Decision decision, String source) {
    history.append(decision.incoming().toEvent(), decision.verdict(), source);
  }

  /**
   * As {@link #record}, without waiting for the store: the stage completes with the verdict once the
   * event is stored (for a server that answers when the write commits and holds no thread meanwhile),
   * or with the store's exception. It may complete on the store's thread.
   */
  public CompletionStage<Verdict> recordAsync(Decision decision, String source) {
    Verdict verdict = decision.verdict();
    return history.appendAsync(decision.incoming().toEvent(), verdict, source).thenApply(id -> verdict);
  }

  /**
   * Screens and records an incoming SMS. A sender with letters ("BANK") is an alphanumeric sender
   * ID and screened without a number.
   */
  public Verdict sms(String rawSender, String text, Instant at, String source) {
    Decision decision = decideSms(rawSender, text, at);
    record(decision, source);
    return decision.verdict();
  }

  /** Screens an incoming SMS without recording it (see {@link #decideCall}). */
  public Decision decideSms(String rawSender, String text, Instant at) {
    Snapshot s = current();
    PhoneNumber number = rawSender == null || rawSender.isBlank() || rawSender.chars().anyMatch(Character::isLetter)
        ? null : s.numbers().parse(rawSender);
    return decide(Incoming.sms(at == null ? clock.instant() : at, number, text), s);
  }

  /** The parser for the configured region (for callers that need to normalise themselves). */
  public NumberParser numbers() {
    return current().numbers();
  }

  /**
   * Drops the cached rules and contacts, so the next decision reloads them, and has the detectors
   * rebuild their state from the store (call it after imports and rule changes).
   */
  public void invalidate() {
    snapshot.set(null);
    history.reset();
  }

  private Decision decide(Incoming incoming, Snapshot s) {
    return new Decision(incoming,
        screener.screen(incoming, new ScreeningContext(s.settings(), s.rules(), s.contacts(), history)));
  }

  private Snapshot current() {
    Snapshot s = snapshot.get();
    Instant now = clock.instant();
    if (s != null && !now.isBefore(s.loaded()) && Duration.between(s.loaded(), now).compareTo(refresh) < 0) {
      return s;
    }
    if (s != null && reloads != null) {
      reloadLater(s);
      return s;
    }
    s = reload(s, now);
    snapshot.set(s);
    history.refresh();
    return s;
  }

  /**
   * Has the executor reload {@code old} unless a reload is under way already. A failed reload drops
   * the snapshot, so the next decision loads on its own thread and meets the failure itself.
   */
  private void reloadLater(Snapshot old) {
    if (!reloading.compareAndSet(false, true)) {
      return;
    }
    Runnable task = () -> {
      try {
        Snapshot fresh = reload(old, clock.instant());
        if (snapshot.compareAndSet(old, fresh)) { // not if invalidated meanwhile
          history.refresh();
        }
      } catch (RuntimeException e) {
        snapshot.compareAndSet(old, null);
      } finally {
        reloading.set(false);
      }
    };
    try {
      reloads.execute(task);
    } catch (RejectedExecutionException e) { // shutting down: the next decision loads itself
      snapshot.compareAndSet(old, null);
      reloading.set(false);
    }
  }

  /**
   * Loads the settings, rules and contacts, keeping the compiled ones of {@code old} when nothing
   * changed: the detectors' state depends on them and is kept as long as they are the same objects.
   */
  private Snapshot reload(Snapshot old, Instant now) {
    Settings loaded = settings.load();
    List<Rule> ruleList = rules.list();
    Collection<PhoneNumber> contactList = contacts.numbers();
    int rulesHash = ruleList.hashCode();
    int contactsHash = contactList.hashCode();
    if (old != null && old.settings().equals(loaded) && old.rulesHash() == rulesHash
        && old.contactsHash() == contactsHash) {
      return new Snapshot(now, old.settings(), old.numbers(), old.rules(), rulesHash, old.contacts(), contactsHash);
    }
    NumberParser numbers = NumberParser.forRegion(loaded.region());
    return new Snapshot(now, loaded, numbers, RuleBook.indexed(ruleList, numbers), rulesHash,
        ContactBook.of(contactList), contactsHash);
  }
}
