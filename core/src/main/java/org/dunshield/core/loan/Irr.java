package org.dunshield.core.loan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Internal rates of return. {@link #periodic} solves Σ c_k / (1+i)^k = 0 for evenly spaced flows;
 * {@link #xirr} solves Σ P_i / (1+x)^((d_i − d_0)/365) = 0 for dated ones, as spreadsheets' XIRR
 * does. Both compute in {@code double} to an absolute tolerance of 1e-14 (see {@link RootFinder}) and
 * return the rate as a fraction rounded to 12 decimals; show it with {@link #percent}.
 */
public final class Irr {
  private Irr() {}

  /** The rate per period of flows at periods 0, 1, 2, ... */
  public static BigDecimal periodic(List<BigDecimal> flows) {
    requireBothSigns(flows);
    double[] c = flows.stream().mapToDouble(BigDecimal::doubleValue).toArray();
    double rate =
        RootFinder.solve(
            x -> {
              double sum = 0;
              for (int k = c.length - 1; k >= 0; k--) {
                sum = sum / (1 + x) + c[k];
              }
              return sum;
            },
            x -> {
              double sum = 0;
              for (int k = 1; k < c.length; k++) {
                sum -= k * c[k] / Math.pow(1 + x, k + 1);
              }
              return sum;
            });
    return fraction(rate);
  }

  /** The effective annual rate of dated flows; the earliest date is day zero. */
  public static BigDecimal xirr(List<CashFlow> flows) {
    List<BigDecimal> amounts = new ArrayList<>();
    flows.forEach(f -> amounts.add(f.amount()));
    requireBothSigns(amounts);
    LocalDate d0 = flows.stream().map(CashFlow::date).min(Comparator.naturalOrder()).orElseThrow();
    int n = flows.size();
    double[] t = new double[n];
    double[] p = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = ChronoUnit.DAYS.between(d0, flows.get(i).date()) / 365.0;
      p[i] = flows.get(i).amount().doubleValue();
    }
    double rate =
        RootFinder.solve(
            x -> {
              double sum = 0;
              for (int i = 0; i < n; i++) {
                sum += p[i] / Math.pow(1 + x, t[i]);
              }
              return sum;
            },
            x -> {
              double sum = 0;
              for (int i = 0; i < n; i++) {
                sum -= t[i] * p[i] / Math.pow(1 + x, t[i] + 1);
              }
              return sum;
            });
    return fraction(rate);
  }

  /** A rate per month as a nominal annual rate: × 12. */
  public static BigDecimal nominalAnnual(BigDecimal monthly) {
    return monthly.multiply(BigDecimal.valueOf(12));
  }

  /** A rate per month as an effective annual rate: (1 + i)^12 − 1. */
  public static BigDecimal effectiveAnnual(BigDecimal monthly) {
    return BigDecimal.ONE.add(monthly).pow(12, Money.MATH).subtract(BigDecimal.ONE);
  }

  /** A fraction as a percentage with the given decimals, half-up: 0.0106698 → 1.066983 at 6. */
  public static BigDecimal percent(BigDecimal fraction, int decimals) {
    return fraction.multiply(Money.HUNDRED).setScale(decimals, RoundingMode.HALF_UP);
  }

  private static BigDecimal fraction(double rate) {
    return new BigDecimal(rate).setScale(12, RoundingMode.HALF_UP);
  }

  private static void requireBothSigns(List<BigDecimal> flows) {
    if (flows.size() < 2) {
      throw new IllegalArgumentException("a rate of return needs at least two cash flows");
    }
    boolean in = flows.stream().anyMatch(f -> f.signum() > 0);
    boolean out = flows.stream().anyMatch(f -> f.signum() < 0);
    if (!in || !out) {
      throw new IllegalArgumentException(
          "cash flows need money both received (positive) and paid (negative)");
    }
  }
}
