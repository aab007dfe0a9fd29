package org.dunshield.core.loan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One scheduled payment: {@code payment = principal + interest + fee}, and {@code balance} is the
 * principal still owed after it. All amounts in cents.
 */
public record Instalment(
    int period,
    LocalDate date,
    BigDecimal payment,
    BigDecimal principal,
    BigDecimal interest,
    BigDecimal fee,
    BigDecimal balance) {
  public Instalment {
    Objects.requireNonNull(date, "date");
    principal = Money.cents(principal);
    interest = Money.cents(interest);
    fee = Money.cents(fee);
    balance = Money.cents(balance);
    payment = Money.cents(payment);
    if (payment.compareTo(principal.add(interest).add(fee)) != 0) {
      throw new IllegalArgumentException(
          "instalment " + period + ": payment " + payment + " is not principal + interest + fee");
    }
  }

  static Instalment of(
      int period, LocalDate date, BigDecimal principal, BigDecimal interest, BigDecimal fee,
      BigDecimal balance) {
    return new Instalment(
        period, date, principal.add(interest).add(fee), principal, interest, fee, balance);
  }
}
