package org.dunshield.core.loan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoanDeskTest {
  private final InMemoryLoans loans = new InMemoryLoans();
  private final Clock clock = Clock.fixed(
      LocalDate.of(2024, 4, 1).atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneId.of("UTC"));
  private final LoanDesk desk = new LoanDesk(loans, LprTable.bundled(), clock);

  @Test
  void aRejectedPaymentIsNotStored() {
    long id = desk.add(Loans.contract("10000", "12", 12, RepaymentMethod.EQUAL_INSTALMENT));
    assertThatThrownBy(() -> desk.pay(id, new Payment(LocalDate.of(2024, 1, 1), BigDecimal.TEN)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(loans.find(id).orElseThrow().payments()).isEmpty();
    Allocation a = desk.pay(id, new Payment(LocalDate.of(2024, 2, 15), new BigDecimal("888.49")));
    assertThat(a.principal()).isEqualByComparingTo("788.49");
    assertThat(loans.find(id).orElseThrow().payments()).hasSize(1);
  }

  @Test
  void todayComesFromTheClock() {
    long id = desk.add(Loans.contract("10000", "12", 12, RepaymentMethod.EQUAL_INSTALMENT));
    OverdueReport r = desk.overdue(id, null);
    assertThat(r.asOf()).isEqualTo(LocalDate.of(2024, 4, 1));
    assertThat(r.daysOverdue()).isEqualTo(46);
  }

  @Test
  void remindersCoverOpenLoansFromToday() {
    long id = desk.add(Loans.contract("10000", "12", 12, RepaymentMethod.EQUAL_INSTALMENT));
    var reminders = desk.reminders(3);
    assertThat(reminders).hasSize(10);
    assertThat(reminders.get(0).loanId()).isEqualTo(id);
    assertThat(reminders.get(0).due()).isEqualTo(LocalDate.of(2024, 4, 15));
    assertThat(reminders.get(0).remindOn()).isEqualTo(LocalDate.of(2024, 4, 12));
    assertThat(reminders.get(0).amount()).isEqualByComparingTo("888.49");
  }

  @Test
  void unknownIdsAreNamed() {
    assertThatThrownBy(() -> desk.overdue(42, null)).hasMessage("no loan with id 42");
  }
}
