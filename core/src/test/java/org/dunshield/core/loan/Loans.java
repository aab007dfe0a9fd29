package org.dunshield.core.loan;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Contracts the tests share. */
final class Loans {
  static final LocalDate START = LocalDate.of(2024, 1, 15);

  private Loans() {}

  static Contract.Builder monthly(String amount, String annualPercent, int months, RepaymentMethod m) {
    return Contract.builder()
        .amount(amount)
        .rate(Rate.annual(annualPercent))
        .term(Term.months(months))
        .method(m)
        .start(START);
  }

  static Contract contract(String amount, String annualPercent, int months, RepaymentMethod m) {
    return monthly(amount, annualPercent, months, m).build();
  }

  static BigDecimal money(String amount) {
    return new BigDecimal(amount);
  }
}
