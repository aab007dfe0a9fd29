package org.dunshield.core.reputation.interop;

import java.util.Arrays;
import java.util.Locale;
import org.dunshield.core.screen.Category;

/**
 * The rating names of the PhoneBlock community blocklist API and how they map to Dunshield
 * categories, both ways (documented in {@code docs/reputation.md}). PhoneBlock has no word for
 * debt collection, threats or bombing: those are sent as {@link #B_MISSED} (an unwanted caller of
 * no particular kind), and {@code B_MISSED} comes back as {@code marketing}, the mildest harmful
 * category. Only the interface is compatible; nothing is PhoneBlock's code.
 */
public enum PhoneBlockRating {
  A_LEGITIMATE(Category.NORMAL),
  B_MISSED(Category.MARKETING),
  C_PING(Category.ONE_RING),
  D_POLL(Category.ROBOCALL),
  E_ADVERTISING(Category.MARKETING),
  F_GAMBLE(Category.MARKETING),
  G_FRAUD(Category.FRAUD);

  private final Category category;

  PhoneBlockRating(Category category) {
    this.category = category;
  }

  /** The Dunshield category a rating received through the API becomes. */
  public Category category() {
    return category;
  }

  /** The rating a Dunshield category is answered as ({@code null} means nothing known: {@code A_LEGITIMATE}). */
  public static PhoneBlockRating of(Category category) {
    if (category == null) {
      return A_LEGITIMATE;
    }
    return switch (category) {
      case NORMAL, INSTITUTION, DELIVERY, VERIFICATION_CODE -> A_LEGITIMATE;
      case FRAUD, THREAT -> G_FRAUD;
      case MARKETING -> E_ADVERTISING;
      case ONE_RING -> C_PING;
      case ROBOCALL -> D_POLL;
      case DEBT_COLLECTION, CALL_BOMBING, SMS_BOMBING -> B_MISSED;
    };
  }

  /** Parses a rating name such as {@code G_FRAUD} (case-insensitive). */
  public static PhoneBlockRating fromName(String name) {
    String wanted = name == null ? "" : name.trim().toUpperCase(Locale.ROOT);
    for (PhoneBlockRating r : values()) {
      if (r.name().equals(wanted)) {
        return r;
      }
    }
    throw new IllegalArgumentException("unknown rating '" + name + "'; expected one of "
        + Arrays.toString(values()));
  }
}
