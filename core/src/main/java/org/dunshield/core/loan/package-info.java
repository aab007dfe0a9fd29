/**
 * The loan desk: contracts (Civil Code art. 668 plus what online loans add), repayment schedules in
 * {@code BigDecimal} rounded half-up to the cent, the true cost of a loan (IRR and XIRR), the art. 670
 * recomputation when fees were taken up front, the legal caps against the one-year LPR history,
 * payment allocation (art. 561), overdue charges, reminders and deferral requests.
 *
 * <p>Everything here is immutable and thread-safe unless a class says otherwise. Bad input is
 * rejected with an {@link java.lang.IllegalArgumentException} whose message says what is wrong.
 * Money is in the contract's currency, always with two decimals; rates are carried as fractions
 * internally and shown as percentages.
 */
package org.dunshield.core.loan;
