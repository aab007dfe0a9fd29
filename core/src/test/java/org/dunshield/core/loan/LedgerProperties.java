package org.dunshield.core.loan;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class LedgerProperties {
  private static final LprTable LPR = LprTable.bundled();

  @Property(tries = 300)
  void courtsNeverSupportMoreThanTheContractClaims(
      @ForAll @BigRange(min = "0", max = "36") BigDecimal rate,
      @ForAll @BigRange(min = "0", max = "72") BigDecimal overdueRate,
      @ForAll @IntRange(min = 0, max = 30) int damagesPercent,
      @ForAll boolean privateLender,
      @ForAll @Size(max = 12) List<@IntRange(min = 0, max = 1200) Integer> paid,
      @ForAll @IntRange(min = 0, max = 900) int asOfDays) {
    Contract c = Loans.monthly("20000", "12", 12, RepaymentMethod.EQUAL_INSTALMENT)
        .rate(new Rate(rate, RateBasis.ANNUAL))
        .lender("x", privateLender ? LenderKind.PRIVATE : LenderKind.MICROLOAN)
        .onDefault(new DefaultTerms(new Rate(overdueRate, RateBasis.ANNUAL),
            BigDecimal.valueOf(damagesPercent)))
        .build();
    List<Payment> payments = new ArrayList<>();
    LocalDate d = c.start();
    for (int amount : paid) {
      d = d.plusDays(29);
      if (amount > 0) {
        payments.add(new Payment(d, BigDecimal.valueOf(amount)));
      }
    }
    OverdueReport r = Ledger.overdue(c, payments, c.start().plusDays(asOfDays),
        LegalCap.of(c, LPR));
    BigDecimal claimed = r.overdueInterestClaimed().add(r.damagesClaimed());
    assertThat(r.chargesSupported()).isLessThanOrEqualTo(claimed);
    assertThat(r.chargesExcess()).isNotNegative();
    assertThat(r.overdueSupported()).isLessThanOrEqualTo(r.overdueClaimed());
    assertThat(r.outstandingPrincipal()).isBetween(BigDecimal.ZERO, c.amount());
  }

  @Property(tries = 200)
  void allocationsAccountForEveryCent(
      @ForAll @Size(min = 1, max = 15) List<@IntRange(min = 1, max = 3000) Integer> paid) {
    Contract c = Loans.contract("20000", "18", 12, RepaymentMethod.EQUAL_PRINCIPAL);
    List<Payment> payments = new ArrayList<>();
    LocalDate d = c.start();
    for (int amount : paid) {
      d = d.plusDays(31);
      payments.add(new Payment(d, BigDecimal.valueOf(amount)));
    }
    try {
      List<Allocation> allocations = Ledger.allocate(c, payments);
      BigDecimal principal = allocations.stream()
          .map(a -> a.principal().add(a.prepaid())).reduce(BigDecimal.ZERO, BigDecimal::add);
      assertThat(principal).isLessThanOrEqualTo(c.amount());
    } catch (IllegalArgumentException tooMuch) {
      assertThat(tooMuch).hasMessageMatching(".*(more than everything owed|paid off).*");
    }
  }
}
