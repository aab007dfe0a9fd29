package org.dunshield.core.loan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/** Money moving on a date: positive when the borrower receives it, negative when paying it. */
public record CashFlow(LocalDate date, BigDecimal amount) {
  public CashFlow {
    Objects.requireNonNull(date, "date");
    if (amount == null) {
      throw new IllegalArgumentException("cash flow on " + date + " has no amount");
    }
  }

  /** Parses {@code 2008-01-01:-10000}. */
  public static CashFlow parse(String text) {
    int colon = text.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("not a cash flow: '" + text + "'; write DATE:AMOUNT");
    }
    try {
      return new CashFlow(
          LocalDate.parse(text.substring(0, colon).trim()),
          new BigDecimal(text.substring(colon + 1).trim().replace(",", "")));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "not a cash flow: '" + text + "'; write DATE:AMOUNT, e.g. 2024-01-31:-1000", e);
    }
  }
}
