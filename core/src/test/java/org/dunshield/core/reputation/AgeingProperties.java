package org.dunshield.core.reputation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dunshield.core.reputation.Community.number;

import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.dunshield.core.number.PhoneNumber;
import org.dunshield.core.screen.Category;

/** However many reporters and however trusted, evidence a year old cannot keep a number settled. */
class AgeingProperties {
  @Property(tries = 200)
  void noAmountOfYearOldEvidenceStaysAboveTheThreshold(
      @ForAll @IntRange(min = 1, max = 400) int established,
      @ForAll @IntRange(min = 0, max = 50) int vouched,
      @ForAll("harmful") Category category,
      @ForAll @IntRange(min = 365, max = 3650) int daysLater) {
    Community c = new Community();
    PhoneNumber n = number("171 8888 0001");
    c.reportAll(c.established("victim", established, Duration.ofDays(400)), n, category);
    for (int i = 0; i < vouched; i++) {
      c.reputations.vouch("vouched-" + i, true);
      c.reputations.report(n, category, "", "vouched-" + i);
    }
    c.clock.advance(Duration.ofDays(daysLater));
    Reputation r = c.lookup(n);
    assertThat(r.score()).isLessThan(c.reputations.policy().threshold());
  }

  @Provide
  Arbitrary<Category> harmful() {
    return Arbitraries.of(List.of(Category.values()).stream().filter(c -> Polarity.of(c) == Polarity.HARMFUL).toList());
  }
}
