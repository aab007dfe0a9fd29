/**
 * Collection conduct analysis: rule sets read from data files ({@code cn-nifa-2024},
 * {@code cn-cba-2026}, {@code cn-nifa-2018}, {@code us-reg-f}), which numbers are collectors, and the
 * violations a history shows — each naming the rule, the events and the numbers.
 */
package org.dunshield.core.conduct;
