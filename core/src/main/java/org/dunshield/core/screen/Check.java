package org.dunshield.core.screen;

/**
 * One reason to decide. A check either has an opinion (a verdict) or returns {@code null} and lets
 * lower-priority checks decide. Implementations are immutable and thread-safe.
 */
public interface Check {
  /** Stable id, persisted in history and shown in verdicts ({@code user-rule}, {@code contact}, ...). */
  String id();

  /** Higher runs first. Ties are broken by {@link #id()} in alphabetical order. */
  int priority();

  /** The verdict, or {@code null} when this check has no opinion about {@code incoming}. */
  Verdict check(Incoming incoming, ScreeningContext context);
}
