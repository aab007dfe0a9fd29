package org.dunshield.core.reputation;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.regex.Pattern;
import org.dunshield.core.number.PhoneNumber;
import org.dunshield.core.screen.Category;

/**
 * One reporter's live statement about one number: "this is a debt collector", or as a
 * counter-report "this is my bank" ({@code institution}). A reporter has at most one live report
 * per number; a new one replaces the old.
 *
 * @param number the reported number
 * @param category what the reporter says it is
 * @param comment free text, at most {@value #MAX_COMMENT} characters, never {@code null}
 * @param reporter the reporter's id (see {@link #validReporterId(String)})
 * @param at when the report was made
 * @param contested whether it went against the number's settled label when it was made: such
 *     reports share one capped pool with newcomers' reports, so accounts that waited to mature
 *     cannot overturn a settled label together (ageing and disputes are the way back)
 */
public record Report(PhoneNumber number, Category category, String comment, String reporter, Instant at,
    boolean contested) {
  /** The longest comment kept, in characters. */
  public static final int MAX_COMMENT = 280;

  private static final Pattern REPORTER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@+-]{0,63}");

  public Report {
    Objects.requireNonNull(number, "number");
    Objects.requireNonNull(category, "category");
    at = Objects.requireNonNull(at, "at").truncatedTo(ChronoUnit.MILLIS);
    validReporterId(reporter);
    comment = comment == null ? "" : comment.strip();
    if (comment.length() > MAX_COMMENT) {
      throw new IllegalArgumentException("a comment may have at most " + MAX_COMMENT + " characters, got "
          + comment.length());
    }
    if (comment.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      throw new IllegalArgumentException("a comment may not contain control characters or line breaks");
    }
  }

  /**
   * Checks a reporter id: 1 to 64 characters, letters, digits and {@code . _ : @ + -}, starting with
   * a letter or digit.
   *
   * @return {@code id}
   * @throws IllegalArgumentException naming the problem
   */
  /** An uncontested report. */
  public Report(PhoneNumber number, Category category, String comment, String reporter, Instant at) {
    this(number, category, comment, reporter, at, false);
  }

  public Report withContested(boolean value) {
    return new Report(number, category, comment, reporter, at, value);
  }

  public static String validReporterId(String id) {
    if (id == null || !REPORTER_ID.matcher(id).matches()) {
      throw new IllegalArgumentException("reporter id '" + id + "' is not valid: use 1 to 64 letters, digits"
          + " and . _ : @ + - starting with a letter or digit");
    }
    return id;
  }

  public Polarity polarity() {
    return Polarity.of(category);
  }
}
