package org.dunshield.core.campaign;

import java.util.List;
import java.util.Objects;
import org.dunshield.core.number.PhoneNumber;

/**
 * Why numbers belong to one campaign: they share a number block, sent messages of one template, or
 * call in a pattern (one bombing incident, or taking turns within minutes, again and again).
 * {@code detail} says which block, template or time; {@code numbers} are the numbers it joins.
 */
public record Link(Kind kind, String detail, List<PhoneNumber> numbers) {
  /** The kinds of link. Codes appear in the JSON output. */
  public enum Kind {
    BLOCK("block"),
    TEMPLATE("template"),
    TIMING("timing");

    private final String code;

    Kind(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }
  }

  public Link {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(detail, "detail");
    numbers = List.copyOf(numbers);
  }
}
