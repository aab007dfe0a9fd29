package org.dunshield.cli.loan;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Locale;
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
import picocli.CommandLine.Option;

/** The options that describe a contract, shared by {@code loan calc} and {@code loan add}. */
final class ContractOptions {
  @Option(names = "--amount", required = true, paramLabel = "A",
      description = "Contract amount (principal on paper).")
  String amount;

  @Option(names = "--received", paramLabel = "R",
      description = "Amount actually received (default: amount less the up-front fee).")
  String received;

  @Option(names = "--rate", required = true, paramLabel = "RATE", description = "Rate, e.g. 12%% or 0.05%%.")
  String rate;

  @Option(names = "--rate-basis", defaultValue = "annual", paramLabel = "annual|monthly|daily",
      description = "What period the rate is for (default: ${DEFAULT-VALUE}).")
  String rateBasis;

  @Option(names = "--flat", description = "Interest on the original principal every month (a flat monthly fee).")
  boolean flat;

  @Option(names = "--term", required = true, paramLabel = "N", description = "Months (12) or days (30d).")
  String term;

  @Option(names = "--method", defaultValue = "equal-instalment",
      paramLabel = "equal-instalment|equal-principal|interest-first|bullet|flat-fee",
      description = "Repayment method (default: ${DEFAULT-VALUE}).")
  String method;

  @Option(names = "--start", paramLabel = "DATE", description = "Day the money was paid out (default: today).")
  String start;

  @Option(names = "--signed", paramLabel = "DATE", description = "Day the contract was signed (default: start).")
  String signed;

  @Option(names = "--fee-upfront", paramLabel = "F", description = "Fee charged at signing.")
  String feeUpfront;

  @Option(names = "--fee-per-period", paramLabel = "F", description = "Fee charged with every payment.")
  String feePerPeriod;

  @Option(names = "--day-count", defaultValue = "30-360", paramLabel = "act360|act365|30-360",
      description = "Day count (default: ${DEFAULT-VALUE}).")
  String dayCount;

  @Option(names = "--overdue-rate", paramLabel = "RATE",
      description = "Overdue rate, e.g. 18%% (a year), 0.05%%/day or 1.5%%/month (default: the contract rate).")
  String overdueRate;

  @Option(names = "--damages", paramLabel = "PERCENT",
      description = "Liquidated damages: one-off percentage of each instalment that falls overdue.")
  String damages;

  @Option(names = "--lender", paramLabel = "NAME", description = "Lender's name as on the contract.")
  String lender;

  @Option(names = "--lender-kind", defaultValue = "microloan",
      paramLabel = "bank|consumer_finance|microloan|private",
      description = "Kind of lender; decides the legal cap (default: ${DEFAULT-VALUE}).")
  String lenderKind;

  @Option(names = "--type", paramLabel = "TYPE", description = "Type of loan (default: consumer).")
  String type;

  @Option(names = "--purpose", paramLabel = "TEXT", description = "Purpose stated in the contract.")
  String purpose;

  @Option(names = "--currency", defaultValue = "CNY", paramLabel = "CODE",
      description = "ISO currency code (default: ${DEFAULT-VALUE}).")
  String currency;

  Contract toContract(Clock clock) {
    RepaymentMethod m = RepaymentMethod.fromCode(method);
    if (flat && (m == RepaymentMethod.EQUAL_INSTALMENT || m == RepaymentMethod.EQUAL_PRINCIPAL)) {
      m = RepaymentMethod.FLAT_FEE;
    }
    LocalDate startDay = Dates.parseOr("--start", start, LocalDate.now(clock));
    Contract.Builder b = Contract.builder()
        .lender(lender, LenderKind.fromCode(lenderKind))
        .type(type)
        .currency(currency(currency))
        .purpose(purpose)
        .amount(Money.parse(amount))
        .rate(Rate.parse(rate, RateBasis.fromCode(rateBasis)))
        .term(Term.parse(term))
        .method(m)
        .start(startDay)
        .signed(Dates.parseOr("--signed", signed, startDay))
        .dayCount(DayCount.fromCode(dayCount))
        .fees(new Fees(money(feeUpfront), money(feePerPeriod)))
        .onDefault(new DefaultTerms(overdue(overdueRate), damages == null ? null : percent(damages)));
    if (received != null) {
      b.received(Money.parse(received));
    }
    return b.build();
  }

  private static BigDecimal money(String text) {
    return text == null ? BigDecimal.ZERO : Money.parse(text);
  }

  private static BigDecimal percent(String text) {
    try {
      return new BigDecimal(text.replace("%", "").trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--damages must be a percentage like 5%, got '" + text + "'");
    }
  }

  /** {@code 18%} (a year), {@code 0.05%/day}, {@code 1.5%/month}. */
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

  private static Currency currency(String code) {
    try {
      return Currency.getInstance(code.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown currency '" + code + "'; use an ISO code like CNY");
    }
  }
}
