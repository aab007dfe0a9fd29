package org.dunshield.core.loan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The limit courts apply to a contract's charges, as annual percentages: {@code limit} is what a
 * court supports; {@code ceiling}, when there is one, marks charges that are unlawful outright.
 * {@code lprPercent} is the one-year LPR at signing when the rule uses it, else {@code null}.
 */
public record LegalCap(
    CapRule rule, BigDecimal lprPercent, BigDecimal limitPercent, BigDecimal ceilingPercent) {
  /** The day the 4 × LPR rule for private lending took effect. */
  public static final LocalDate FOUR_LPR_SINCE = LocalDate.of(2020, 8, 20);

  private static final BigDecimal TWENTY_FOUR = new BigDecimal("24.00");
  private static final BigDecimal THIRTY_SIX = new BigDecimal("36.00");

  public LegalCap {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(limitPercent, "limitPercent");
  }

  /** The cap for a lender of this kind and a contract signed on this date. */
  public static LegalCap of(LenderKind kind, LocalDate signed, LprTable lpr) {
    if (kind.licensed()) {
      return new LegalCap(CapRule.LICENSED_24_36, null, TWENTY_FOUR, THIRTY_SIX);
    }
    if (signed.isBefore(FOUR_LPR_SINCE)) {
      return new LegalCap(CapRule.PRIVATE_24_36, null, TWENTY_FOUR, THIRTY_SIX);
    }
    LprTable.Entry rate =
        lpr.on(signed)
            .orElseThrow(() -> new IllegalArgumentException("no LPR known on " + signed));
    BigDecimal four = rate.percent().multiply(BigDecimal.valueOf(4)).setScale(2);
    return new LegalCap(CapRule.PRIVATE_FOUR_LPR, rate.percent(), four, null);
  }

  /** The cap for a contract, by its lender's kind and signing date. */
  public static LegalCap of(Contract contract, LprTable lpr) {
    return of(contract.lender().kind(), contract.signed(), lpr);
  }

  /** The limit as an annual rate for building a lawful schedule. */
  Rate limitRate() {
    return new Rate(limitPercent, RateBasis.ANNUAL);
  }
}
