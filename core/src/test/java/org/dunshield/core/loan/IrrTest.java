package org.dunshield.core.loan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class IrrTest {
  @Test
  void regulatorsExampleIs1point066983PercentAMonth() {
    // 100,000 received, 1,000 fee up front, 12 payments of 8,833.3.
    List<BigDecimal> flows = new ArrayList<>();
    flows.add(new BigDecimal("99000"));
    flows.addAll(Collections.nCopies(12, new BigDecimal("-8833.3")));
    BigDecimal monthly = Irr.periodic(flows);
    assertThat(Irr.percent(monthly, 6)).isEqualByComparingTo("1.066983");
    assertThat(Irr.percent(Irr.nominalAnnual(monthly), 2)).isEqualByComparingTo("12.80");
    assertThat(Irr.percent(Irr.effectiveAnnual(monthly), 2)).isEqualByComparingTo("13.58");
  }

  @Test
  void levelPaymentsAtOnePercentAMonthYieldOnePercent() {
    List<BigDecimal> flows = new ArrayList<>();
    flows.add(new BigDecimal("10000"));
    for (int k = 0; k < 11; k++) {
      flows.add(new BigDecimal("-888.49"));
    }
    flows.add(new BigDecimal("-888.47"));
    BigDecimal monthly = Irr.periodic(flows);
    assertThat(Irr.percent(monthly, 4)).isEqualByComparingTo("1.0000");
  }

  @Test
  void nothingButPaymentsHasNoRate() {
    assertThatThrownBy(() -> Irr.periodic(List.of(BigDecimal.ONE, BigDecimal.TEN)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("both received");
    assertThatThrownBy(() -> Irr.periodic(List.of(BigDecimal.ONE)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least two");
  }

  @Test
  void repayingExactlyWhatWasReceivedCostsNothing() {
    BigDecimal r = Irr.periodic(List.of(new BigDecimal("100"), new BigDecimal("-50"),
        new BigDecimal("-50")));
    assertThat(r).isEqualByComparingTo("0");
  }
}
