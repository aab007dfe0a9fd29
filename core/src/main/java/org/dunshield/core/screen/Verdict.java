package org.dunshield.core.screen;

import java.util.Objects;
import org.dunshield.core.number.PhoneNumber;

/**
 * The decision about one call or SMS and why.
 *
 * @param action what happens
 * @param check the stable id of the check that decided ({@code user-rule}, {@code contact},
 *     {@code mode}, ..., or {@code default})
 * @param ruleId the user rule that decided, or {@code null}
 * @param category what the caller is, or {@code null} when unknown
 * @param reason why, in Chinese and English
 * @param number the caller or sender (E.164), or {@code null} when hidden
 */
public record Verdict(Action action, String check, Long ruleId, Category category, Reason reason, PhoneNumber number) {
  public Verdict {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(reason, "reason");
  }
}
