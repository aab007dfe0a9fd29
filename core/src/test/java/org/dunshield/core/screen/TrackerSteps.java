package org.dunshield.core.screen;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.dunshield.core.number.NumberParser;
import org.dunshield.core.number.PhoneNumber;

/**
 * The histories the in-memory trackers' property tests replay against the store: a few numbers (a
 * mobile, two virtual-operator numbers, a landline) and steps of one of several kinds, each followed
 * by a move of the clock — back a little, forward a little, or forward by up to a far distance.
 */
final class TrackerSteps {
  private static final NumberParser CN = NumberParser.forRegion("CN");
  static final Instant T0 = Instant.parse("2026-10-12T12:00:00Z");
  static final List<PhoneNumber> NUMBERS = List.of(CN.parse("13800138000"), CN.parse("17012345678"),
      CN.parse("17112345678"), CN.parse("02164000000"));

  private TrackerSteps() {}

  /**
   * What happens next ({@code what}, a kind the test defines, on {@code NUMBERS.get(number)}), the
   * window a question asks about when it does not ask the usual one, and how far the clock moves.
   */
  record Step(int what, int number, long millis, int window) {}

  /** Up to 80 steps of {@code kinds} kinds, moving up to {@code near} or {@code far}, asking one of {@code windows}. */
  static Arbitrary<List<Step>> steps(int kinds, Duration near, Duration far, Integer... windows) {
    Arbitrary<Long> move = Arbitraries.oneOf(
        Arbitraries.longs().between(-1_500, 0),
        Arbitraries.longs().between(0, near.toMillis()),
        Arbitraries.longs().between(0, far.toMillis()));
    return Combinators.combine(Arbitraries.integers().between(0, kinds - 1),
        Arbitraries.integers().between(0, NUMBERS.size() - 1), move, Arbitraries.of(windows))
        .as(Step::new).list().ofMaxSize(80);
  }

  /** The window a question asks about: now and then one of the step's, else the usual one. */
  static int window(Step step, int usual) {
    return step.millis() % 5 == 0 ? step.window() : usual;
  }
}
