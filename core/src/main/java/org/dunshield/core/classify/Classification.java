package org.dunshield.core.classify;

import java.util.Objects;
import org.dunshield.core.screen.Category;

/**
 * What the SMS classifier says about one message: the most likely category and its probability
 * ({@code confidence}, between 0 and 1).
 */
public record Classification(Category category, double confidence) {
  public Classification {
    Objects.requireNonNull(category, "category");
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException("confidence must be between 0 and 1, got " + confidence);
    }
  }
}
