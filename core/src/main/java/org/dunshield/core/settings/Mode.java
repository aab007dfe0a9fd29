package org.dunshield.core.settings;

/** How strict screening is. Codes are persisted and used on the command line. */
public enum Mode {
  /** Block only what rules and detectors say. */
  STANDARD("standard"),
  /** Also block every number that is not a contact or allowed. */
  STRANGERS("strangers"),
  /** Only allow rules (and emergency and service numbers) pass. */
  WHITELIST_ONLY("whitelist-only"),
  /** Everything is blocked except explicit allow rules and emergency numbers. */
  BLOCK_ALL("block-all");

  private final String code;

  Mode(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static Mode fromCode(String code) {
    for (Mode m : values()) {
      if (m.code.equalsIgnoreCase(code.trim())) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "unknown mode '" + code + "'; expected standard, strangers, whitelist-only or block-all");
  }
}
