/**
 * {@code dunshield loan ...}: the loan desk on the command line. {@link
 * org.dunshield.cli.loan.LoanCommand} is the entry point; its subcommands print a readable table, or
 * with {@code --json} one JSON document in which money is a string with two decimals and rates are
 * percentages as strings. Bad input is thrown as {@link java.lang.IllegalArgumentException}, which
 * the root command turns into exit code 2.
 */
package org.dunshield.cli.loan;
