/**
 * The screening engine: an ordered list of {@link org.dunshield.core.screen.Check}s evaluated
 * highest priority first; the first check with an opinion decides, the default allows. Every
 * {@link org.dunshield.core.screen.Verdict} names its action, the check and rule that decided, a
 * category and a reason in Chinese and English.
 */
package org.dunshield.core.screen;
