package org.dunshield.core.screen;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The screening engine: checks sorted by priority (highest first, ties broken by check id in
 * alphabetical order, so the order never depends on registration order or chance); the first check
 * with an opinion decides; when none has one the call or message is allowed by {@code default}.
 * Immutable and thread-safe.
 */
public final class Screener {
  /** The check id of the fallback verdict. */
  public static final String DEFAULT_CHECK = "default";

  private static final Reason DEFAULT_REASON =
      new Reason("没有规则或检查反对，正常接通", "no rule or check objected");

  private final Check[] checks;

  private Screener(List<Check> checks) {
    List<Check> sorted = new ArrayList<>(checks);
    sorted.sort(Comparator.comparingInt(Check::priority).reversed().thenComparing(Check::id));
    this.checks = sorted.toArray(new Check[0]);
  }

  /** An engine with exactly these checks. */
  public static Screener of(List<Check> checks) {
    return new Screener(checks);
  }

  /** An engine with the built-in checks plus {@code extra} ones (detectors, reputation, ...). */
  public static Screener standard(List<Check> extra) {
    List<Check> all = new ArrayList<>(StandardChecks.all());
    all.addAll(extra);
    return new Screener(all);
  }

  public static Screener standard() {
    return standard(List.of());
  }

  /** Decides about {@code incoming}. Never returns {@code null}. */
  public Verdict screen(Incoming incoming, ScreeningContext context) {
    for (Check check : checks) {
      Verdict verdict = check.check(incoming, context);
      if (verdict != null) {
        return verdict;
      }
    }
    return new Verdict(Action.ALLOW, DEFAULT_CHECK, null, null, DEFAULT_REASON, incoming.number());
  }

  /** The checks in evaluation order. */
  public List<Check> checks() {
    return List.of(checks);
  }
}
