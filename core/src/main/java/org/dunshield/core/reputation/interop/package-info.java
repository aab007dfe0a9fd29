/**
 * Interoperability with the blockers people already run: a {@link org.dunshield.core.reputation.interop.Blocklist}
 * written in SpamBlocker, YetAnotherCallBlocker, callattendant, plain sorted E.164 and vCard layouts
 * ({@link org.dunshield.core.reputation.interop.ExportFormat}), and the rating names of the
 * PhoneBlock API ({@link org.dunshield.core.reputation.interop.PhoneBlockRating}). The layouts are
 * documented in {@code docs/reputation.md}.
 */
package org.dunshield.core.reputation.interop;
