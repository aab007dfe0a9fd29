package org.dunshield.core.screen;

import java.util.Objects;

/** A human explanation of a verdict in Simplified Chinese and English. */
public record Reason(String zh, String en) {
  public Reason {
    Objects.requireNonNull(zh, "zh");
    Objects.requireNonNull(en, "en");
  }

  /** The text for a language tag ({@code zh...} gives Chinese, anything else English). */
  public String in(String language) {
    return language != null && language.toLowerCase(java.util.Locale.ROOT).startsWith("zh") ? zh : en;
  }
}
