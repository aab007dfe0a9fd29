package org.dunshield.core.complaint;

import java.util.List;

/** A complaint cannot be drafted because required facts are missing; lists every one of them. */
public final class MissingFactsException extends IllegalArgumentException {
  private final transient List<Fact> missing;

  public MissingFactsException(ComplaintChannel channel, List<Fact> missing) {
    super(message(channel, missing));
    this.missing = List.copyOf(missing);
  }

  public List<Fact> missing() {
    return missing;
  }

  private static String message(ComplaintChannel channel, List<Fact> missing) {
    StringBuilder b = new StringBuilder("a complaint to " + channel.code() + " needs facts that are missing:");
    for (Fact f : missing) {
      b.append("\n  ").append(f.code()).append(" (").append(f.label("en")).append("): ").append(f.hint());
    }
    return b.toString();
  }
}
