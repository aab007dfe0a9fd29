package org.dunshield.server.loan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.dunshield.core.loan.Contract;
import org.dunshield.core.loan.DayCount;
import org.dunshield.core.loan.DefaultTerms;
import org.dunshield.core.loan.Fees;
import org.dunshield.core.loan.LenderKind;
import org.dunshield.core.loan.Money;
import org.dunshield.core.loan.Rate;
import org.dunshield.core.loan.RateBasis;
import org.dunshield.core.loan.RepaymentMethod;
import org.dunshield.core.loan.Term;

/**
 * A contract as people type it, the same fields for {@code loan calc}/{@code loan add} options and
 * for the bodies of {@code POST /api/v1/loans/calc} and {@code POST /api/v1/loans}: every value is
 * text ({@code "12%"}, {@code "0.05%/day"}, {@code "30d"}) and {@code null} means the default.
 * {@link #toContract} parses and checks them; an {@link IllegalArgumentException} names the field in
 * the caller's words ({@code --fee-upfront} or {@code field 'feeUpfront'}). Immutable.
 *
 * @param flat interest on the original principal every month (turns equal instalment or equal
 *     principal into {@code flat-fee})
 */
public record ContractTerms(
    String amount,
    String received,
    String rate,
    String rateBasis,
    boolean flat,
    String term,
    String method,
    String start,
    String signed,
    String feeUpfront,
    String feePerPeriod,
    String dayCount,
    String overdueRate,
    String damages,
    String lender,
    String lenderKind,
    String type,
    String purpose,
    String currency) {

  /** The field names, in the order of the components, as the JSON bodies spell them. */
  public static final java.util.List<String> FIELDS = java.util.List.of("amount", "received",
      "rate", "rateBasis", "flat", "term", "method", "start", "signed", "feeUpfront", "feePerPeriod",
      "dayCount", "overdueRate", "damages", "lender", "lenderKind", "type", "purpose", "currency");

  /**
   * The contract these terms describe. {@code today} is the start when none is given; {@code name}
   * turns a field name such as {@code feeUpfront} into the words an error message should use.
   */
  public Contract toContract(LocalDate today, UnaryOperator<String> name) {
    BigDecimal principal = field(name, "amount", () ->
        Money.requirePositive(Money.parse(required(amount)), "contract amount"));
    BigDecimal got = received == null ? null : field(name, "received", () ->
        Money.requirePositive(Money.parse(received), "amount received"));
    if (got != null && got.compareTo(principal) > 0) {
      throw new IllegalArgumentException(name.apply("received") + ": " + got
          + " is more than the contract amount " + principal);
    }
    RateBasis basis = field(name, "rateBasis",
        () -> RateBasis.fromCode(rateBasis == null ? "annual" : rateBasis));
    Rate contractRate = field(name, "rate", () -> Rate.parse(required(rate), basis));
    Term length = field(name, "term", () -> Term.parse(required(term)));
    RepaymentMethod m = field(name, "method",
        () -> RepaymentMethod.fromCode(method == null ? "equal-instalment" : method));
    if (flat && (m == RepaymentMethod.EQUAL_INSTALMENT || m == RepaymentMethod.EQUAL_PRINCIPAL)) {
      m = RepaymentMethod.FLAT_FEE;
    }
    LocalDate startDay = start == null ? today : date(name, "start", start);
    LocalDate signedDay = signed == null ? startDay : date(name, "signed", signed);
    if (startDay.isBefore(signedDay)) {
      throw new IllegalArgumentException(name.apply("start") + ": start date " + startDay
          + " is before signing " + signedDay);
    }
    Fees fees = new Fees(
        field(name, "feeUpfront", () -> fee(feeUpfront, "fee up front")),
        field(name, "feePerPeriod", () -> fee(feePerPeriod, "fee per period")));
    if (m.monthly() && length.unit() != Term.Unit.MONTHS) {
      throw new IllegalArgumentException(name.apply("term") + ": a term in days suits only bullet"
          + " loans; give " + m.code() + " a term in months");
    }
    Rate overdue = field(name, "overdueRate", () -> overdue(overdueRate));
    DefaultTerms onDefault = field(name, "damages",
        () -> new DefaultTerms(overdue, damages == null ? null : percent(damages)));
    Contract.Builder b = Contract.builder()
        .lender(lender, field(name, "lenderKind",
            () -> LenderKind.fromCode(lenderKind == null ? "microloan" : lenderKind)))
        .type(type)
        .currency(field(name, "currency", () -> currency(currency == null ? "CNY" : currency)))
        .purpose(purpose)
        .amount(principal)
        .rate(contractRate)
        .term(length)
        .method(m)
        .start(startDay)
        .signed(signedDay)
        .dayCount(field(name, "dayCount",
            () -> DayCount.fromCode(dayCount == null ? "30-360" : dayCount)))
        .fees(fees)
        .onDefault(onDefault);
    if (got != null) {
      b.received(got);
    }
    return field(name, "feeUpfront", b::build); // all that is left to fail: the fee eats the payout
  }

  /** A date like {@code 2025-06-30}; the message names the field. */
  public static LocalDate date(UnaryOperator<String> name, String field, String text) {
    try {
      return LocalDate.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          name.apply(field) + " must be a date like 2025-06-30, got '" + text + "'");
    }
  }

  /** Runs {@code parse}; an {@link IllegalArgumentException} it throws is prefixed with the field. */
  public static <T> T field(UnaryOperator<String> name, String field, Supplier<T> parse) {
    try {
      return parse.get();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name.apply(field) + ": " + e.getMessage(), e);
    }
  }

  /** {@code 18%} (a year), {@code 0.05%/day}, {@code 1.5%/month}; {@code null} stays {@code null}. */
  static Rate overdue(String text) {
    if (text == null) {
      return null;
    }
    String t = text.trim().toLowerCase(Locale.ROOT);
    RateBasis basis = RateBasis.ANNUAL;
    if (t.endsWith("/day")) {
      basis = RateBasis.DAILY;
    } else if (t.endsWith("/month")) {
      basis = RateBasis.MONTHLY;
    }
    int slash = t.indexOf('/');
    return Rate.parse(slash < 0 ? t : t.substring(0, slash), basis);
  }

  private static String required(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("is required");
    }
    return text;
  }

  private static BigDecimal fee(String text, String what) {
    return text == null ? BigDecimal.ZERO : Money.requireNonNegative(Money.parse(text), what);
  }

  private static BigDecimal percent(String text) {
    try {
      return new BigDecimal(text.replace("%", "").trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("must be a percentage like 5%, got '" + text + "'");
    }
  }

  private static Currency currency(String code) {
    try {
      return Currency.getInstance(code.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown currency '" + code + "'; use an ISO code like CNY");
    }
  }
}
