package org.dunshield.core.loan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LedgerTest {
  private static final LprTable LPR = LprTable.bundled();
  private static final LocalDate START = LocalDate.of(2024, 1, 15);

  private static Contract.Builder tenThousand() {
    return Loans.monthly("10000", "12", 12, RepaymentMethod.EQUAL_INSTALMENT)
        .lender("Friend", LenderKind.PRIVATE)
        .start(START);
  }

  private static Payment pay(String date, String amount) {
    return new Payment(LocalDate.parse(date), new BigDecimal(amount));
  }

  @Test
  void paymentsOnTimeLeaveNothingOverdueAndTheLastClosesTheLoan() {
    Contract c = tenThousand().build();
    List<Payment> payments = new ArrayList<>();
    for (Instalment i : Schedule.of(c).instalments()) {
      payments.add(new Payment(i.date(), i.payment()));
    }
    List<Allocation> allocations = Ledger.allocate(c, payments);
    assertThat(allocations.get(0).interest()).isEqualByComparingTo("100.00");
    assertThat(allocations.get(0).principal()).isEqualByComparingTo("788.49");
    assertThat(allocations.get(11).closesLoan()).isTrue();
    OverdueReport report = Ledger.overdue(c, payments, LocalDate.of(2025, 6, 1),
        LegalCap.of(c, LPR));
    assertThat(report.closed()).isTrue();
    assertThat(report.daysOverdue()).isZero();
    assertThat(report.payoff()).isEqualByComparingTo("0");
    assertThatThrownBy(() -> Ledger.accept(c, payments, pay("2025-02-01", "10")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("paid off on 2025-01-15");
  }

  @Test
  void aMissedInstalmentAccruesOverdueInterestAndDamages() {
    Contract c = tenThousand()
        .onDefault(new DefaultTerms(Rate.annual("18"), new BigDecimal("5"))).build();
    Schedule s = Schedule.of(c);
    OverdueReport r = Ledger.overdue(c, List.of(), LocalDate.of(2024, 3, 16), LegalCap.of(c, LPR));
    BigDecimal p1 = s.instalments().get(0).principal();
    BigDecimal p2 = s.instalments().get(1).principal();
    assertThat(r.daysOverdue()).isEqualTo(30);
    assertThat(r.overduePrincipal()).isEqualByComparingTo(p1.add(p2));
    assertThat(r.overdueInterest()).isEqualByComparingTo(
        s.instalments().get(0).interest().add(s.instalments().get(1).interest()));
    BigDecimal principalDays = p1.multiply(BigDecimal.valueOf(30)).add(p2);
    BigDecimal claimed = principalDays.multiply(new BigDecimal("0.18"))
        .divide(BigDecimal.valueOf(360), 2, RoundingMode.HALF_UP);
    assertThat(r.overdueInterestClaimed()).isEqualByComparingTo(claimed);
    assertThat(r.damagesClaimed()).isEqualByComparingTo("88.84");
    // Private loan signed 2024-01-15: 4 × 3.45 % = 13.80 % a year on the overdue principal.
    assertThat(r.cap().limitPercent()).isEqualByComparingTo("13.80");
    BigDecimal supported = principalDays.multiply(new BigDecimal("0.138"))
        .divide(BigDecimal.valueOf(365), 2, RoundingMode.HALF_UP);
    assertThat(r.chargesSupported()).isEqualByComparingTo(supported);
    assertThat(r.chargesExcess())
        .isEqualByComparingTo(claimed.add(new BigDecimal("88.84")).subtract(supported));
    assertThat(r.overdueSupported()).isLessThan(r.overdueClaimed());
  }

  @Test
  void anInstalmentIsNotOverdueOnItsDueDate() {
    Contract c = tenThousand().build();
    OverdueReport r = Ledger.overdue(c, List.of(), LocalDate.of(2024, 2, 15), LegalCap.of(c, LPR));
    assertThat(r.daysOverdue()).isZero();
    assertThat(r.overduePrincipal()).isEqualByComparingTo("0");
    assertThat(r.payoff()).isEqualByComparingTo("10100.00");
  }

  @Test
  void aPartPaymentGoesToCostsThenInterestThenPrincipal() {
    Contract c = tenThousand()
        .fees(new Fees(BigDecimal.ZERO, new BigDecimal("20")))
        .onDefault(new DefaultTerms(null, new BigDecimal("1"))).build();
    // First instalment 908.49 due 2024-02-15, unpaid: damages 9.08 the day after.
    Allocation a = Ledger.allocate(c, List.of(pay("2024-02-25", "50"))).get(0);
    assertThat(a.costs()).isEqualByComparingTo("29.08");
    assertThat(a.interest()).isEqualByComparingTo("20.92");
    assertThat(a.principal()).isEqualByComparingTo("0");
    Allocation b = Ledger.allocate(c, List.of(pay("2024-02-25", "200"))).get(0);
    assertThat(b.costs()).isEqualByComparingTo("29.08");
    assertThat(b.interest()).isGreaterThan(new BigDecimal("100"));
    assertThat(b.principal()).isPositive();
  }

  @Test
  void payingEverythingEarlyClosesTheLoanWithoutFutureInterest() {
    Contract c = tenThousand().build();
    Allocation a = Ledger.allocate(c, List.of(pay("2024-02-15", "888.49"),
        pay("2024-03-01", "9211.51"))).get(1);
    assertThat(a.prepaid()).isEqualByComparingTo("9211.51");
    assertThat(a.closesLoan()).isTrue();
  }

  @Test
  void badPaymentsAreRejectedAndNamed() {
    Contract c = tenThousand().signed(LocalDate.of(2024, 1, 10)).build();
    assertThatThrownBy(() -> Ledger.accept(c, List.of(), pay("2024-01-09", "10")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("before the contract was signed on 2024-01-10");
    assertThatThrownBy(() -> Ledger.accept(c, List.of(), pay("2024-02-01", "10000.01")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("more than everything owed");
    assertThatThrownBy(() -> pay("2024-02-01", "0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("payment must be more than zero");
    assertThatThrownBy(() -> pay("2024-02-01", "-5"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("payment must not be negative");
    assertThatThrownBy(
            () -> Ledger.overdue(c, List.of(), LocalDate.of(2024, 1, 1), LegalCap.of(c, LPR)))
        .hasMessageContaining("before the contract was signed");
  }
}
