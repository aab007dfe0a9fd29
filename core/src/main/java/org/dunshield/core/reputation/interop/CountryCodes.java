package org.dunshield.core.reputation.interop;

import com.google.i18n.phonenumbers.PhoneNumberUtil;

/** Splits E.164 digits into country calling code and national number (country codes are prefix-free). */
final class CountryCodes {
  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

  private CountryCodes() {}

  /** The length of the country calling code at the start of {@code digits}, or 0 when none is known. */
  static int length(String digits) {
    for (int n = 1; n <= 3 && n < digits.length(); n++) {
      int cc = Integer.parseInt(digits.substring(0, n));
      if (!"ZZ".equals(UTIL.getRegionCodeForCountryCode(cc))) {
        return n;
      }
    }
    return 0;
  }
}
