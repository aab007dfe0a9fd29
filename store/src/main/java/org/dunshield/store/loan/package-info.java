/**
 * The loan desk's persistence: {@link org.dunshield.store.loan.LoanStore} gives a
 * {@link org.dunshield.core.loan.LoanRepository} per owner on the same SQLite file or PostgreSQL
 * database as {@link org.dunshield.store.Database}, whose migrations ({@code V2__loans.sql}) create
 * the {@code loans} and {@code loan_payments} tables. Amounts and rates are stored as exact decimal
 * text and vocabularies by their stable codes. The table classes are package-private.
 */
package org.dunshield.store.loan;
