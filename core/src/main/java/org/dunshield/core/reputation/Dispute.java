package org.dunshield.core.reputation;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.dunshield.core.number.PhoneNumber;
import org.dunshield.core.screen.Category;

/**
 * The owner of a number contests its label. While a dispute is open the screening check silences
 * the number instead of blocking it; an upheld dispute withdraws the harmful reports made before it
 * and counts against their reporters, a rejected one changes nothing.
 *
 * @param id assigned by the repository (0 before)
 * @param number the contested number
 * @param claimant who contests (a reporter id)
 * @param statement the claimant's explanation, at most {@value #MAX_STATEMENT} characters
 * @param openedAt when it was opened
 * @param state open, upheld or rejected
 * @param resolvedAt when it was resolved, or {@code null} while open
 * @param rightful for an upheld dispute, the benign category the number gets; else {@code null}
 */
public record Dispute(long id, PhoneNumber number, String claimant, String statement, Instant openedAt, State state,
    Instant resolvedAt, Category rightful) {
  public static final int MAX_STATEMENT = 1000;

  /** A dispute's state; {@link #code()} is persisted. */
  public enum State {
    OPEN("open"),
    UPHELD("upheld"),
    REJECTED("rejected");

    private final String code;

    State(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }

    public static State fromCode(String code) {
      for (State s : values()) {
        if (s.code.equals(code)) {
          return s;
        }
      }
      throw new IllegalArgumentException("unknown dispute state '" + code + "'");
    }
  }

  public Dispute {
    Objects.requireNonNull(number, "number");
    Report.validReporterId(claimant);
    openedAt = Objects.requireNonNull(openedAt, "openedAt").truncatedTo(ChronoUnit.MILLIS);
    resolvedAt = resolvedAt == null ? null : resolvedAt.truncatedTo(ChronoUnit.MILLIS);
    Objects.requireNonNull(state, "state");
    statement = statement == null ? "" : statement.strip();
    if (statement.isEmpty()) {
      throw new IllegalArgumentException("a dispute needs a statement: why is the label wrong?");
    }
    if (statement.length() > MAX_STATEMENT) {
      throw new IllegalArgumentException("a dispute statement may have at most " + MAX_STATEMENT + " characters");
    }
    if (rightful != null && Polarity.of(rightful) != Polarity.BENIGN) {
      throw new IllegalArgumentException("an upheld dispute gives a benign category, not " + rightful.code());
    }
  }

  public Dispute withId(long newId) {
    return new Dispute(newId, number, claimant, statement, openedAt, state, resolvedAt, rightful);
  }
}
