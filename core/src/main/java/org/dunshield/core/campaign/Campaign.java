package org.dunshield.core.campaign;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.dunshield.core.number.PhoneNumber;
import org.dunshield.core.screen.Category;

/**
 * Numbers that act as one collector: found linked by shared blocks, message templates or timing.
 * {@code id} is {@code campaign-1}, {@code campaign-2}, ... in order of first appearance;
 * {@code categories} are the harmful categories its calls and messages were given (by screening
 * verdicts or the SMS classifier). Immutable.
 */
public record Campaign(String id, List<PhoneNumber> numbers, List<Link> links, int calls, int messages,
    Instant firstSeen, Instant lastSeen, List<Category> categories) {
  public Campaign {
    Objects.requireNonNull(id, "id");
    numbers = List.copyOf(numbers);
    links = List.copyOf(links);
    categories = List.copyOf(categories);
    if (numbers.size() < 2) {
      throw new IllegalArgumentException("a campaign has at least two numbers");
    }
  }
}
