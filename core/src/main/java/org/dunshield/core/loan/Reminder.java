package org.dunshield.core.loan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A due date to be reminded of {@code daysAhead} days before it: on {@code remindOn}; {@code
 * currency} is the ISO code of the amount.
 */
public record Reminder(
    long loanId,
    String lender,
    int period,
    LocalDate due,
    LocalDate remindOn,
    BigDecimal amount,
    String currency) {
  public Reminder {
    Objects.requireNonNull(due, "due");
    Objects.requireNonNull(remindOn, "remindOn");
    lender = lender == null ? "" : lender;
  }

  /** Reminders for the instalments of a schedule due on or after {@code from}. */
  public static List<Reminder> of(
      long loanId, Contract contract, LocalDate from, int daysAhead) {
    if (daysAhead < 0 || daysAhead > 60) {
      throw new IllegalArgumentException("days ahead must be 0 to 60, got " + daysAhead);
    }
    List<Reminder> out = new ArrayList<>();
    for (Instalment i : Schedule.of(contract).instalments()) {
      if (!i.date().isBefore(from)) {
        out.add(new Reminder(loanId, contract.lender().name(), i.period(), i.date(),
            i.date().minusDays(daysAhead), i.payment(), contract.currency().getCurrencyCode()));
      }
    }
    return out;
  }
}
