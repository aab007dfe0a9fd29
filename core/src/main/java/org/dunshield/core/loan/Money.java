package org.dunshield.core.loan;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Rounding, parsing and checking of amounts of money: always two decimals, half-up. */
public final class Money {
  /** The precision of intermediate results: 34 significant digits. */
  static final MathContext MATH = MathContext.DECIMAL128;

  static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /** The largest amount the desk accepts: one hundred billion. */
  static final BigDecimal MAX = new BigDecimal("100000000000");

  private Money() {}

  /** Rounds half-up to the cent. */
  public static BigDecimal cents(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.HALF_UP);
  }

  /** Parses {@code 1000}, {@code 1,000.50} or {@code ¥1000}, rounding to the cent. */
  public static BigDecimal parse(String text) {
    String plain = text.trim().replace(",", "").replace("¥", "").replace("￥", "");
    try {
      return cents(new BigDecimal(plain));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not an amount of money: '" + text + "'", e);
    }
  }

  /** The amount as a plain string with two decimals, e.g. {@code 5307.27}. */
  public static String format(BigDecimal amount) {
    return cents(amount).toPlainString();
  }

  /** Checks that an amount is present, above zero and not absurdly large; returns it in cents. */
  public static BigDecimal requirePositive(BigDecimal amount, String what) {
    BigDecimal value = requireNonNegative(amount, what);
    if (value.signum() == 0) {
      throw new IllegalArgumentException(what + " must be more than zero");
    }
    return value;
  }

  /** Checks that an amount is present, not negative and not absurdly large; returns it in cents. */
  public static BigDecimal requireNonNegative(BigDecimal amount, String what) {
    if (amount == null) {
      throw new IllegalArgumentException(what + " is missing");
    }
    if (amount.signum() < 0) {
      throw new IllegalArgumentException(what + " must not be negative, got " + amount);
    }
    if (amount.compareTo(MAX) > 0) {
      throw new IllegalArgumentException(what + " is implausibly large: " + amount);
    }
    return cents(amount);
  }
}
