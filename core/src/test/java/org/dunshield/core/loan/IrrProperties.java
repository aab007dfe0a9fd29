package org.dunshield.core.loan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * A second, independent check of the solvers: flows are built so that their net present value at a
 * chosen rate is zero (the last flow balances the others), and the solver must find that rate.
 */
class IrrProperties {
  @Property
  void periodicIrrRecoversTheRateTheFlowsWereBuiltAt(
      @ForAll @DoubleRange(min = -0.05, max = 0.3) double rate,
      @ForAll @Size(min = 1, max = 120) List<@IntRange(min = 1, max = 100_000) Integer> payments) {
    List<BigDecimal> flows = new ArrayList<>();
    flows.add(BigDecimal.ZERO);
    double pv = 0;
    for (int k = 0; k < payments.size(); k++) {
      flows.add(BigDecimal.valueOf(-payments.get(k)));
      pv += payments.get(k) / Math.pow(1 + rate, k + 1);
    }
    flows.set(0, new BigDecimal(pv));
    assertThat(Irr.periodic(flows).doubleValue()).isCloseTo(rate, within(1e-9));
  }

  @Property
  void xirrRecoversTheRateTheFlowsWereBuiltAt(
      @ForAll @DoubleRange(min = -0.5, max = 5) double rate,
      @ForAll @Size(min = 1, max = 40) List<@IntRange(min = 1, max = 100_000) Integer> payments,
      @ForAll @Size(min = 40, max = 40) List<@IntRange(min = 1, max = 400) Integer> gaps) {
    LocalDate d0 = LocalDate.of(2020, 1, 1);
    List<CashFlow> flows = new ArrayList<>();
    LocalDate date = d0;
    double pv = 0;
    for (int k = 0; k < payments.size(); k++) {
      date = date.plusDays(gaps.get(k));
      flows.add(new CashFlow(date, BigDecimal.valueOf(-payments.get(k))));
      pv += payments.get(k) / Math.pow(1 + rate, (date.toEpochDay() - d0.toEpochDay()) / 365.0);
    }
    flows.add(new CashFlow(d0, new BigDecimal(pv)));
    assertThat(Irr.xirr(flows).doubleValue()).isCloseTo(rate, within(1e-8));
  }
}
