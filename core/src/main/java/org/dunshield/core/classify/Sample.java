package org.dunshield.core.classify;

import java.util.Objects;
import org.dunshield.core.screen.Category;

/**
 * One labelled message of a training corpus: its text, its category, the data set it came from
 * ({@code uci}, {@code collection-zh}, {@code fbs}) and whether it belongs to the held-out split.
 */
public record Sample(String text, Category label, String source, boolean heldOut) {
  public Sample {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(source, "source");
    if (!SmsClassifier.CATEGORIES.contains(label)) {
      throw new IllegalArgumentException(label.code() + " is not an SMS category");
    }
  }
}
