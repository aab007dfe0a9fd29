package org.dunshield.core.loan;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A stated interest rate: a percentage per year, month or day. Annual equivalents follow the People's
 * Bank convention (monthly × 12, daily × 360). A rate must lie between 0 and 1,000 % a year.
 */
public record Rate(BigDecimal percent, RateBasis basis) {
  /** The largest annual equivalent accepted, in percent. */
  public static final BigDecimal MAX_ANNUAL_PERCENT = BigDecimal.valueOf(1000);

  public Rate {
    Objects.requireNonNull(basis, "basis");
    if (percent == null) {
      throw new IllegalArgumentException("rate is missing");
    }
    if (percent.signum() < 0) {
      throw new IllegalArgumentException("rate must not be negative, got " + percent + " %");
    }
    percent = percent.stripTrailingZeros();
    if (percent.scale() < 0) {
      percent = percent.setScale(0);
    }
    BigDecimal annual = percent.multiply(BigDecimal.valueOf(basis.perYear()));
    if (annual.compareTo(MAX_ANNUAL_PERCENT) > 0) {
      throw new IllegalArgumentException(
          "rate of " + percent + " % " + basis.code() + " is above 1000 % a year; check the unit");
    }
  }

  /** Parses {@code 12%}, {@code 12} or {@code 0.05 %} as a percentage on the given basis. */
  public static Rate parse(String text, RateBasis basis) {
    String plain = text.trim().replace("%", "").trim();
    try {
      return new Rate(new BigDecimal(plain), basis);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a rate: '" + text + "'; write e.g. 12% or 0.05%", e);
    }
  }

  public static Rate annual(String percent) {
    return new Rate(new BigDecimal(percent), RateBasis.ANNUAL);
  }

  public static Rate monthly(String percent) {
    return new Rate(new BigDecimal(percent), RateBasis.MONTHLY);
  }

  public static Rate daily(String percent) {
    return new Rate(new BigDecimal(percent), RateBasis.DAILY);
  }

  /** The annual equivalent in percent (monthly × 12, daily × 360). */
  public BigDecimal annualPercent() {
    return percent.multiply(BigDecimal.valueOf(basis.perYear()));
  }

  /** The monthly rate as a fraction: annual / 12, or the stated monthly rate, or daily × 30. */
  public BigDecimal monthlyFraction() {
    return switch (basis) {
      case ANNUAL -> percent.divide(BigDecimal.valueOf(1200), Money.MATH);
      case MONTHLY -> percent.divide(Money.HUNDRED, Money.MATH);
      case DAILY -> percent.multiply(BigDecimal.valueOf(30)).divide(Money.HUNDRED, Money.MATH);
    };
  }

  /** The daily rate as a fraction: the stated daily rate, else the annual rate / the year's days. */
  public BigDecimal dailyFraction(DayCount dayCount) {
    if (basis == RateBasis.DAILY) {
      return percent.divide(Money.HUNDRED, Money.MATH);
    }
    return annualPercent()
        .divide(Money.HUNDRED.multiply(BigDecimal.valueOf(dayCount.yearDays())), Money.MATH);
  }

  @Override
  public String toString() {
    return percent.toPlainString() + " % " + basis.code();
  }
}
