package org.dunshield.core.loan;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ContractValidationTest {
  private static Contract.Builder valid() {
    return Loans.monthly("10000", "12", 12, RepaymentMethod.EQUAL_INSTALMENT);
  }

  private static void rejects(Executable build, String message) {
    assertThatThrownBy(build::execute)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  @Test
  void amountsMustBePositive() {
    rejects(() -> valid().amount("-1").build(), "contract amount must not be negative");
    rejects(() -> valid().amount("0").build(), "contract amount must be more than zero");
    rejects(() -> valid().received("0").build(), "amount received must be more than zero");
    rejects(() -> valid().received("10001").build(), "more than the contract amount");
    rejects(() -> valid().amount("1e12").build(), "implausibly large");
  }

  @Test
  void ratesMustBeSane() {
    rejects(() -> Rate.annual("-1"), "must not be negative");
    rejects(() -> Rate.annual("1500"), "above 1000 % a year");
    rejects(() -> Rate.daily("3"), "above 1000 % a year");
    rejects(() -> Rate.parse("twelve", RateBasis.ANNUAL), "not a rate");
    rejects(() -> valid().rate(null).build(), "rate is missing");
  }

  @Test
  void termsMustBeAtLeastOnePeriod() {
    rejects(() -> Term.months(0), "term must be at least 1");
    rejects(() -> Term.parse("0d"), "term must be at least 1");
    rejects(() -> Term.months(601), "longer than");
    rejects(() -> valid().term(Term.days(30)).build(), "suits only bullet loans");
  }

  @Test
  void datesMustNotPrecedeSigning() {
    rejects(() -> valid().signed(LocalDate.of(2024, 2, 1)).start(LocalDate.of(2024, 1, 1)).build(),
        "before signing");
    rejects(() -> valid().start(null).build(), "start date is missing");
  }

  @Test
  void feesMustLeaveSomethingReceived() {
    rejects(() -> valid().received("10000").fees(new Fees(new BigDecimal("10000"), null)).build(),
        "leaves nothing");
    rejects(() -> new Fees(new BigDecimal("-5"), null), "fee up front must not be negative");
    rejects(() -> new DefaultTerms(null, new BigDecimal("120")), "between 0 and 100");
  }

  @Test
  void codesMustBeKnown() {
    rejects(() -> RepaymentMethod.fromCode("balloon"), "unknown repayment method");
    rejects(() -> LenderKind.fromCode("loan-shark"), "unknown lender kind");
    rejects(() -> DayCount.fromCode("act/366"), "unknown day count");
    rejects(() -> RateBasis.fromCode("weekly"), "unknown rate basis");
    rejects(() -> CashFlow.parse("2024-01-01"), "DATE:AMOUNT");
    rejects(() -> CashFlow.parse("yesterday:5"), "DATE:AMOUNT");
    rejects(() -> Money.parse("12abc"), "not an amount");
  }
}
