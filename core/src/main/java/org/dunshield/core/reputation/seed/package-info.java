/**
 * Seed lists for the reputation: CSV ({@code number,category[,comment]}), the FTC Do-Not-Call
 * complaint CSV layout (subjects mapped to categories by the data file {@code ftc-subjects.tsv}),
 * and plain lists of numbers. Reading is strict and complete before anything is stored: every
 * problem is reported with its line number, and a file with any problem imports nothing.
 */
package org.dunshield.core.reputation.seed;
