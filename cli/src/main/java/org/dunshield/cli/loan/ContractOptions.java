package org.dunshield.cli.loan;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import org.dunshield.core.loan.Contract;
import org.dunshield.server.loan.ContractTerms;
import picocli.CommandLine.Option;

/**
 * The options that describe a contract, shared by {@code loan calc} and {@code loan add}; they are
 * the fields of {@link ContractTerms}, which the HTTP API reads from JSON bodies too.
 */
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

  /** The contract these options describe; errors name the option ({@code --fee-upfront}). */
  Contract toContract(Clock clock) {
    return terms().toContract(LocalDate.now(clock), ContractOptions::option);
  }

  ContractTerms terms() {
    return new ContractTerms(amount, received, rate, rateBasis, flat, term, method, start, signed,
        feeUpfront, feePerPeriod, dayCount, overdueRate, damages, lender, lenderKind, type, purpose,
        currency);
  }

  /** {@code feeUpfront} → {@code --fee-upfront}. */
  static String option(String field) {
    return "--" + field.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
  }
}
