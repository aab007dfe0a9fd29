package org.dunshield.core.classify;

/**
 * Recognises one-time codes: a code word (验证码, 校验码, 动态码, "code", "OTP", ...) with a run of
 * four to eight digits close to it. Used as a classifier feature and as a safety rule: a message that
 * carries a code is never blocked, whatever else it looks like. Stateless and thread-safe.
 */
public final class VerificationCodes {
  private static final String[] WORDS = {
    "验证码", "校验码", "动态码", "动态密码", "确认码", "短信码", "安全码", "code", "otp", "passcode", "pin"
  };
  private static final char[][] KEYWORDS = new char[WORDS.length][];
  private static final int AFTER = 30;
  private static final int BEFORE = 16;

  static {
    for (int i = 0; i < WORDS.length; i++) {
      KEYWORDS[i] = WORDS[i].toCharArray();
    }
  }

  private VerificationCodes() {}

  /** Whether {@code text} carries a one-time code. */
  public static boolean looksLikeCode(String text) {
    if (text == null || text.isEmpty()) {
      return false;
    }
    char[] folded = new char[Math.min(text.length(), TextFeatures.MAX_CHARS)];
    int n = TextFeatures.fold(text, folded);
    return looksLikeCode(folded, n);
  }

  static boolean looksLikeCode(char[] s, int length) {
    for (int i = 0; i < length; i++) {
      int end = keywordEnd(s, length, i);
      if (end < 0) {
        continue;
      }
      if (hasCode(s, length, end, Math.min(length, end + AFTER))
          || hasCode(s, length, Math.max(0, i - BEFORE), i)) {
        return true;
      }
    }
    return false;
  }

  /** The end of a code word starting at {@code at}, or -1. ASCII words must stand alone. */
  private static int keywordEnd(char[] s, int length, int at) {
    for (char[] k : KEYWORDS) {
      if (at + k.length > length || s[at] != k[0]) {
        continue;
      }
      boolean match = true;
      for (int j = 1; j < k.length && match; j++) {
        match = s[at + j] == k[j];
      }
      if (!match) {
        continue;
      }
      if (k[0] < 128 && ((at > 0 && isLetter(s[at - 1])) || (at + k.length < length && isLetter(s[at + k.length])))) {
        continue;
      }
      return at + k.length;
    }
    return -1;
  }

  /** Whether {@code s[from, to)} holds a standalone run of 4 to 8 digits (not part of an amount). */
  private static boolean hasCode(char[] s, int length, int from, int to) {
    int i = from;
    while (i < to) {
      if (!isDigit(s[i])) {
        i++;
        continue;
      }
      int j = i;
      while (j < length && isDigit(s[j])) {
        j++;
      }
      int digits = j - i;
      boolean joined = (i > 0 && (isDigit(s[i - 1]) || isSeparatedDigit(s, length, i - 1, -1)))
          || (j < length && isSeparatedDigit(s, length, j, 1));
      if (digits >= 4 && digits <= 8 && !joined) {
        return true;
      }
      i = j;
    }
    return false;
  }

  private static boolean isSeparatedDigit(char[] s, int length, int at, int direction) {
    char c = s[at];
    int next = at + direction;
    return (c == ',' || c == '.') && next >= 0 && next < length && isDigit(s[next]);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
