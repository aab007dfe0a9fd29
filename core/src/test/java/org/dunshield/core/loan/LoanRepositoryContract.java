package org.dunshield.core.loan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link LoanRepository} must do. Store modules extend this with a fresh, empty
 * repository per test from {@link #emptyRepository()}.
 */
public abstract class LoanRepositoryContract {
  private LoanRepository loans;

  /** A new, empty repository. */
  protected abstract LoanRepository emptyRepository();

  @BeforeEach
  void open() {
    loans = emptyRepository();
  }

  /** A contract that uses every field, with awkward values. */
  public static Contract everyField() {
    return Contract.builder()
        .lender("某某小贷 Microcredit Co. 'quoted'", LenderKind.MICROLOAN)
        .type("cash loan")
        .currency(Currency.getInstance("CNY"))
        .purpose("家庭消费 household")
        .amount("12345.67")
        .received("11000.05")
        .rate(Rate.daily("0.0333"))
        .term(Term.months(7))
        .method(RepaymentMethod.FLAT_FEE)
        .signed(LocalDate.of(2024, 2, 28))
        .start(LocalDate.of(2024, 2, 29))
        .dayCount(DayCount.ACT_365)
        .fees(new Fees(new BigDecimal("1345.62"), new BigDecimal("12.30")))
        .onDefault(new DefaultTerms(Rate.annual("23.99"), new BigDecimal("2.5")))
        .build();
  }

  static Contract bullet() {
    return Contract.builder().lender("", LenderKind.PRIVATE).amount("5000")
        .rate(Rate.annual("10")).term(Term.days(45)).method(RepaymentMethod.BULLET)
        .start(LocalDate.of(2025, 6, 1)).build();
  }

  @Test
  void storesEveryFieldOfAContractExactly() {
    long id = loans.add(everyField());
    Loan loan = loans.find(id).orElseThrow();
    assertThat(loan.id()).isEqualTo(id);
    assertThat(loan.contract()).isEqualTo(everyField());
    assertThat(loan.payments()).isEmpty();
  }

  @Test
  void keepsContractsWithoutOptionalTerms() {
    long id = loans.add(bullet());
    assertThat(loans.find(id).orElseThrow().contract()).isEqualTo(bullet());
    assertThat(loans.find(id).orElseThrow().contract().onDefault().overdueRate()).isNull();
  }

  @Test
  void listsLoansByIdWithTheirPaymentsInOrder() {
    long first = loans.add(everyField());
    long second = loans.add(bullet());
    assertThat(second).isGreaterThan(first);
    loans.addPayment(second, new Payment(LocalDate.of(2025, 6, 20), new BigDecimal("100.10")));
    loans.addPayment(second, new Payment(LocalDate.of(2025, 6, 10), new BigDecimal("0.01")));
    assertThat(loans.list()).extracting(Loan::id).containsExactly(first, second);
    assertThat(loans.list().get(0).payments()).isEmpty();
    assertThat(loans.find(second).orElseThrow().payments()).containsExactly(
        new Payment(LocalDate.of(2025, 6, 20), new BigDecimal("100.10")),
        new Payment(LocalDate.of(2025, 6, 10), new BigDecimal("0.01")));
  }

  @Test
  void unknownLoansAreAbsent() {
    assertThat(loans.find(999)).isEmpty();
    assertThat(loans.list()).isEmpty();
    assertThatThrownBy(() -> loans.addPayment(999, new Payment(LocalDate.now(), BigDecimal.ONE)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no loan with id 999");
  }
}
