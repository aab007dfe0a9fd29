package org.dunshield.core.screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.dunshield.core.contact.Contact;
import org.dunshield.core.contact.ContactRepository;
import org.dunshield.core.detect.DetectionSettings;
import org.dunshield.core.detect.Detectors;
import org.dunshield.core.history.ImportCount;
import org.dunshield.core.history.InMemoryHistory;
import org.dunshield.core.number.PhoneNumber;
import org.dunshield.core.reputation.TestClock;
import org.dunshield.core.rule.ChannelScope;
import org.dunshield.core.rule.MatchKind;
import org.dunshield.core.rule.Rule;
import org.dunshield.core.rule.RuleRepository;
import org.dunshield.core.settings.Settings;
import org.dunshield.core.settings.SettingsRepository;
import org.junit.jupiter.api.Test;

/** When a {@link LiveScreening} sees rule changes made elsewhere: on the deciding thread, or reloaded in the background. */
class LiveScreeningTest {
  private static final String CALLER = "+8613912345678";
  private static final Duration REFRESH = Duration.ofSeconds(5);

  private final TestClock clock = new TestClock(Instant.parse("2026-11-30T12:00:00Z"));
  private final Rules rules = new Rules();
  private final List<Runnable> queued = new ArrayList<>();
  private final Executor later = queued::add;

  private LiveScreening screening(Executor reloads) {
    return new LiveScreening(rules, new NoContacts(), new DefaultSettings(), new InMemoryHistory(),
        Screener.standard(Detectors.checks(DetectionSettings.defaults())), clock, REFRESH, reloads);
  }

  private static Action decide(LiveScreening s) {
    return s.decideCall(CALLER, null, null).verdict().action();
  }

  private void blockTheCallerElsewhere() {
    rules.stored.add(new Rule(1, Action.BLOCK, MatchKind.EXACT, CALLER, ChannelScope.BOTH, 0, "from the CLI", null));
  }

  private void runQueued() {
    List<Runnable> tasks = new ArrayList<>(queued);
    queued.clear();
    tasks.forEach(Runnable::run);
  }

  @Test
  void withoutAnExecutorTheFirstDecisionAfterTheRefreshTimeReloads() {
    LiveScreening s = screening(null);
    assertThat(decide(s)).isEqualTo(Action.ALLOW);
    blockTheCallerElsewhere();

    clock.advance(REFRESH.minusMillis(1));
    assertThat(decide(s)).as("cached until the refresh time").isEqualTo(Action.ALLOW);
    clock.advance(Duration.ofMillis(1));
    assertThat(decide(s)).isEqualTo(Action.BLOCK);
  }

  @Test
  void withAnExecutorDecisionsUseTheCachedRulesUntilTheBackgroundReloadHasRun() {
    LiveScreening s = screening(later);
    assertThat(decide(s)).isEqualTo(Action.ALLOW);
    assertThat(queued).as("the first load happens on the deciding thread").isEmpty();
    blockTheCallerElsewhere();

    clock.advance(REFRESH);
    assertThat(decide(s)).as("the call does not wait for the store").isEqualTo(Action.ALLOW);
    assertThat(decide(s)).isEqualTo(Action.ALLOW);
    assertThat(queued).as("one reload at a time").hasSize(1);

    runQueued();
    assertThat(decide(s)).isEqualTo(Action.BLOCK);
    assertThat(queued).as("fresh again: nothing to reload").isEmpty();
  }

  @Test
  void aFailedBackgroundReloadHasTheNextDecisionLoadItselfAndMeetTheFailure() {
    LiveScreening s = screening(later);
    assertThat(decide(s)).isEqualTo(Action.ALLOW);
    rules.failing = true;

    clock.advance(REFRESH);
    assertThat(decide(s)).isEqualTo(Action.ALLOW);
    runQueued(); // fails quietly in the background

    assertThatThrownBy(() -> decide(s)).hasMessageContaining("store unavailable");
    rules.failing = false;
    blockTheCallerElsewhere();
    assertThat(decide(s)).isEqualTo(Action.BLOCK);
  }

  @Test
  void invalidatingLoadsOnTheDecidingThreadEvenWithAnExecutor() {
    LiveScreening s = screening(later);
    assertThat(decide(s)).isEqualTo(Action.ALLOW);
    blockTheCallerElsewhere();

    s.invalidate();
    assertThat(decide(s)).isEqualTo(Action.BLOCK);
    assertThat(queued).isEmpty();
  }

  @Test
  void aBackgroundReloadThatFinishesAfterAnInvalidationDoesNotOverwriteTheNewerRules() {
    LiveScreening s = screening(later);
    assertThat(decide(s)).isEqualTo(Action.ALLOW);
    clock.advance(REFRESH);
    assertThat(decide(s)).isEqualTo(Action.ALLOW); // reload queued, reading rules as they are when it runs

    blockTheCallerElsewhere();
    s.invalidate();
    assertThat(decide(s)).isEqualTo(Action.BLOCK);
    rules.stored.clear(); // the queued reload would now read no rules
    runQueued();
    assertThat(decide(s)).as("the stale reload was discarded").isEqualTo(Action.BLOCK);
  }

  @Test
  void theReloadThreadReloadsInTheBackgroundOnADaemonThreadItNamesAndEndsWhenIdle() throws Exception {
    ExecutorService reloads = LiveScreening.reloadThread("test-reload");
    try {
      LiveScreening s = screening(reloads);
      assertThat(decide(s)).isEqualTo(Action.ALLOW);
      blockTheCallerElsewhere();
      clock.advance(REFRESH);
      assertThat(decide(s)).as("decided on the cached rules while the reload runs").isEqualTo(Action.ALLOW);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (decide(s) != Action.BLOCK && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(decide(s)).as("the background reload took effect").isEqualTo(Action.BLOCK);

      Thread[] seen = new Thread[1];
      reloads.submit(() -> seen[0] = Thread.currentThread()).get(10, TimeUnit.SECONDS);
      assertThat(seen[0].getName()).isEqualTo("test-reload");
      assertThat(seen[0].isDaemon()).isTrue();
      assertThat(((ThreadPoolExecutor) reloads).getCorePoolSize()).as("no thread kept when idle").isZero();
      assertThat(((ThreadPoolExecutor) reloads).getMaximumPoolSize()).as("one reload at a time").isEqualTo(1);
    } finally {
      reloads.shutdownNow();
    }
  }

  private static final class Rules implements RuleRepository {
    final List<Rule> stored = new ArrayList<>();
    volatile boolean failing;

    @Override
    public Rule add(Rule rule) {
      stored.add(rule);
      return rule;
    }

    @Override
    public int addAll(List<Rule> rules) {
      stored.addAll(rules);
      return rules.size();
    }

    @Override
    public List<Rule> list() {
      if (failing) {
        throw new IllegalStateException("store unavailable");
      }
      return List.copyOf(stored);
    }

    @Override
    public Optional<Rule> find(long id) {
      return stored.stream().filter(r -> r.id() == id).findFirst();
    }

    @Override
    public boolean remove(long id) {
      return stored.removeIf(r -> r.id() == id);
    }
  }

  private static final class NoContacts implements ContactRepository {
    @Override
    public ImportCount importAll(Iterator<Contact> contacts) {
      throw new UnsupportedOperationException("not used here");
    }

    @Override
    public List<Contact> list() {
      return List.of();
    }

    @Override
    public Set<PhoneNumber> numbers() {
      return Set.of();
    }
  }

  private static final class DefaultSettings implements SettingsRepository {
    @Override
    public Settings load() {
      return Settings.defaults();
    }

    @Override
    public void save(Settings settings) {
      throw new UnsupportedOperationException("not used here");
    }
  }
}
