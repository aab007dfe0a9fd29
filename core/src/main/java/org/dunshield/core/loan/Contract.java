package org.dunshield.core.loan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Objects;

/**
 * A loan contract: the terms of Civil Code art. 668 (type, currency, purpose, amount, rate, term,
 * repayment method) and what online loans add (the lender and its kind, the amount actually
 * received, fees, default terms, a day-count convention).
 *
 * <p>{@code amount} is the principal on paper; {@code received} what actually reached the borrower.
 * The up-front fee counts as already deducted to the extent {@code amount - received} covers it; any
 * rest was paid out of pocket at signing (see {@link #netReceived()}). {@code start} is when the
 * money was paid out and interest starts; it must not lie before {@code signed}.
 */
public record Contract(
    Lender lender,
    String type,
    Currency currency,
    String purpose,
    BigDecimal amount,
    BigDecimal received,
    Rate rate,
    Term term,
    RepaymentMethod method,
    LocalDate signed,
    LocalDate start,
    DayCount dayCount,
    Fees fees,
    DefaultTerms onDefault) {

  public Contract {
    Objects.requireNonNull(lender, "lender");
    type = type == null || type.isBlank() ? "consumer" : type.strip();
    currency = currency == null ? Currency.getInstance("CNY") : currency;
    purpose = purpose == null ? "" : purpose.strip();
    amount = Money.requirePositive(amount, "contract amount");
    received = Money.requirePositive(received == null ? amount : received, "amount received");
    if (received.compareTo(amount) > 0) {
      throw new IllegalArgumentException(
          "amount received " + received + " is more than the contract amount " + amount);
    }
    if (rate == null) {
      throw new IllegalArgumentException("rate is missing");
    }
    if (term == null) {
      throw new IllegalArgumentException("term is missing");
    }
    if (method == null) {
      throw new IllegalArgumentException("repayment method is missing");
    }
    if (method.monthly() && term.unit() != Term.Unit.MONTHS) {
      throw new IllegalArgumentException(
          "a term in days suits only bullet loans; give " + method.code() + " a term in months");
    }
    if (start == null) {
      throw new IllegalArgumentException("start date is missing");
    }
    signed = signed == null ? start : signed;
    if (start.isBefore(signed)) {
      throw new IllegalArgumentException("start date " + start + " is before signing " + signed);
    }
    dayCount = dayCount == null ? DayCount.THIRTY_360 : dayCount;
    fees = fees == null ? Fees.NONE : fees;
    onDefault = onDefault == null ? DefaultTerms.NONE : onDefault;
    BigDecimal net = netReceived(amount, received, fees);
    if (net.signum() <= 0) {
      throw new IllegalArgumentException(
          "the fee up front " + fees.upfront() + " leaves nothing of the " + received + " received");
    }
  }

  /** What the borrower really got to use: received less any up-front fee not already deducted. */
  public BigDecimal netReceived() {
    return netReceived(amount, received, fees);
  }

  private static BigDecimal netReceived(BigDecimal amount, BigDecimal received, Fees fees) {
    BigDecimal deducted = amount.subtract(received);
    BigDecimal outOfPocket = fees.upfront().subtract(deducted).max(BigDecimal.ZERO);
    return received.subtract(outOfPocket);
  }

  /** Everything taken before the borrower could use the money: amount less net received. */
  public BigDecimal withheld() {
    return amount.subtract(netReceived());
  }

  /** The date the last payment falls due. */
  public LocalDate maturity() {
    return term.end(start);
  }

  /** The same contract with another principal and fees, as art. 670 recomputes it. */
  Contract withPrincipal(BigDecimal principal, Fees newFees) {
    return new Contract(
        lender, type, currency, purpose, principal, principal, rate, term, method, signed, start,
        dayCount, newFees, onDefault);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a contract; defaults: lender of kind microloan with no name, no fees, 30/360. */
  public static final class Builder {
    private Lender lender = new Lender("", LenderKind.MICROLOAN);
    private String type;
    private Currency currency;
    private String purpose;
    private BigDecimal amount;
    private BigDecimal received;
    private Rate rate;
    private Term term;
    private RepaymentMethod method;
    private LocalDate signed;
    private LocalDate start;
    private DayCount dayCount;
    private Fees fees;
    private DefaultTerms onDefault;

    private Builder() {}

    public Builder lender(String name, LenderKind kind) {
      this.lender = new Lender(name, kind);
      return this;
    }

    public Builder type(String type) {
      this.type = type;
      return this;
    }

    public Builder currency(Currency currency) {
      this.currency = currency;
      return this;
    }

    public Builder purpose(String purpose) {
      this.purpose = purpose;
      return this;
    }

    public Builder amount(BigDecimal amount) {
      this.amount = amount;
      return this;
    }

    public Builder amount(String amount) {
      return amount(new BigDecimal(amount));
    }

    /** What actually reached the borrower; defaults to the amount less the up-front fee. */
    public Builder received(BigDecimal received) {
      this.received = received;
      return this;
    }

    public Builder received(String received) {
      return received(new BigDecimal(received));
    }

    public Builder rate(Rate rate) {
      this.rate = rate;
      return this;
    }

    public Builder term(Term term) {
      this.term = term;
      return this;
    }

    public Builder method(RepaymentMethod method) {
      this.method = method;
      return this;
    }

    public Builder signed(LocalDate signed) {
      this.signed = signed;
      return this;
    }

    public Builder start(LocalDate start) {
      this.start = start;
      return this;
    }

    public Builder dayCount(DayCount dayCount) {
      this.dayCount = dayCount;
      return this;
    }

    public Builder fees(Fees fees) {
      this.fees = fees;
      return this;
    }

    public Builder upfrontFee(String fee) {
      Fees f = fees == null ? Fees.NONE : fees;
      this.fees = new Fees(new BigDecimal(fee), f.perPeriod());
      return this;
    }

    public Builder onDefault(DefaultTerms onDefault) {
      this.onDefault = onDefault;
      return this;
    }

    public Contract build() {
      BigDecimal got = received;
      if (got == null && amount != null && fees != null) {
        got = amount.subtract(fees.upfront());
      }
      return new Contract(
          lender, type, currency, purpose, amount, got, rate, term, method, signed, start, dayCount,
          fees, onDefault);
    }
  }
}
