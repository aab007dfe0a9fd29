/**
 * The loan desk over HTTP and the JSON documents it shares with the command line.
 * {@link org.dunshield.server.loan.LoanApi} declares the {@code /api/v1/loans} routes over a
 * {@link org.dunshield.core.loan.LoanDesk}; {@link org.dunshield.server.loan.LoanJson} builds every
 * loan document (for {@code dunshield loan ... --json} too); {@link
 * org.dunshield.server.loan.ContractTerms} turns options or body fields into a contract with errors
 * that name the field; {@link org.dunshield.server.loan.IcsWriter} writes reminders as iCalendar.
 */
package org.dunshield.server.loan;
