package org.dunshield.core.reputation.seed;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A seed list with problems; nothing of it was imported. The message names the source and the
 * first problems with their line numbers; {@link #problems()} has all that were found (at most
 * {@value SeedReader#MAX_PROBLEMS}).
 */
public final class SeedException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** One problem: the 1-based line number (0 for the file as a whole) and what is wrong. */
  public record Problem(long line, String message) {
    @Override
    public String toString() {
      return line == 0 ? message : "line " + line + ": " + message;
    }
  }

  private final transient List<Problem> problems;

  SeedException(String source, List<Problem> problems) {
    super(source + ": " + problems.stream().limit(5).map(Problem::toString).collect(Collectors.joining("; "))
        + (problems.size() > 5 ? "; and " + (problems.size() - 5) + " more problems" : "")
        + "; nothing was imported");
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
