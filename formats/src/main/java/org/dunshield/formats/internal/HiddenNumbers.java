package org.dunshield.formats.internal;

import org.dunshield.core.event.Presentation;

/**
 * Recognises how phones write a caller they may not show: an empty number, or Android's old
 * placeholders {@code -1} (unknown), {@code -2} (restricted) and {@code -3} (payphone). Stateless.
 */
public final class HiddenNumbers {
  private HiddenNumbers() {}

  /** The presentation a placeholder implies, or null when {@code raw} is meant as a number. */
  public static Presentation implied(String raw) {
    if (raw.isEmpty() || raw.equals("null")) {
      return Presentation.RESTRICTED;
    }
    if (raw.length() < 2 || raw.charAt(0) != '-') {
      return null;
    }
    for (int i = 1; i < raw.length(); i++) {
      if (raw.charAt(i) < '0' || raw.charAt(i) > '9') {
        return null;
      }
    }
    return switch (raw) {
      case "-2" -> Presentation.RESTRICTED;
      case "-3" -> Presentation.PAYPHONE;
      default -> Presentation.UNKNOWN;
    };
  }
}
