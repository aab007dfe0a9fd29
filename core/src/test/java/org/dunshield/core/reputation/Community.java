package org.dunshield.core.reputation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.dunshield.core.number.NumberParser;
import org.dunshield.core.number.PhoneNumber;
import org.dunshield.core.screen.Category;

/** A reputation over an in-memory repository with a hand-moved clock, and ways to populate it. */
final class Community {
  static final NumberParser CN = NumberParser.forRegion("CN");
  static final Instant T0 = Instant.parse("2026-10-14T02:00:00Z");

  final TestClock clock = new TestClock(T0);
  final InMemoryReputationRepository repository = new InMemoryReputationRepository();
  final Reputations reputations;

  Community() {
    this(ReputationPolicy.defaults());
  }

  Community(ReputationPolicy policy) {
    reputations = new Reputations(repository, policy, clock);
  }

  static PhoneNumber number(String raw) {
    return CN.parse(raw);
  }

  /** {@code count} reporters whose accounts are {@code age} old, unvouched, with clean records. */
  List<String> established(String prefix, int count, Duration age) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String id = prefix + "-" + i;
      repository.saveReporters(List.of(new Reporter(id, clock.instant().minus(age), false, 0, 0)));
      ids.add(id);
    }
    return ids;
  }

  void reportAll(List<String> reporters, PhoneNumber number, Category category) {
    for (String id : reporters) {
      reputations.report(number, category, "", id);
    }
  }

  Reputation lookup(PhoneNumber number) {
    return reputations.lookup(number);
  }
}
