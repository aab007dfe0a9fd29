package org.dunshield.core.classify;

/**
 * Turns an SMS into hashed feature indices: character 1-, 2- and 3-grams of the normalised text,
 * plus lexicon group counts and a one-time-code flag.
 *
 * <p>Normalisation: full-width digits and letters are folded to ASCII and letters to lower case; links become one
 * marker character, and so do digit runs, by shape (1-3 digits, 4-6 digits, 7 or more, amounts with
 * separators, clock times), so that a model learns "a six-digit number" rather than one code;
 * whitespace runs become one space and disappear between two CJK characters (one of the training
 * sets is word-segmented, real messages are not). Only the first {@value #MAX_CHARS} characters
 * count. The text is framed by start and end markers, so n-grams see where it begins and ends.
 *
 * <p>Each feature is a 64-bit key (its kind and characters) mixed and reduced to
 * {@code 2^bits} buckets; every occurrence has the value 1 and the vector is scaled to unit length
 * by the classifier. Immutable and thread-safe; {@link Scratch} buffers are per thread.
 */
final class TextFeatures {
  static final int MAX_CHARS = 1000;
  static final char START = '\u0002';
  static final char END = '\u0003';
  static final char LINK = '\uE001';
  static final char LONG_NUMBER = '\uE002';
  static final char CODE_NUMBER = '\uE003';
  static final char SHORT_NUMBER = '\uE004';
  static final char AMOUNT = '\uE005';
  static final char CLOCK = '\uE006';

  private static final long LEXICON_COUNT = 4L << 60;
  private static final long LEXICON_ANY = 5L << 60;
  private static final long CODE_FLAG = 6L << 60;

  private final Lexicon lexicon;
  private final int bits;

  /** Reusable buffers for one thread. */
  static final class Scratch {
    final char[] folded = new char[MAX_CHARS];
    final char[] normal = new char[MAX_CHARS + 2];
    final int[] buckets = new int[3 * (MAX_CHARS + 2) + 64];
    final int[] groupCounts = new int[64];
  }

  TextFeatures(Lexicon lexicon, int bits) {
    if (bits < 10 || bits > 24) {
      throw new IllegalArgumentException("bucket bits must be between 10 and 24, got " + bits);
    }
    if (lexicon.groups().size() > 64) {
      throw new IllegalArgumentException("at most 64 lexicon groups");
    }
    this.lexicon = lexicon;
    this.bits = bits;
  }

  int bits() {
    return bits;
  }

  Lexicon lexicon() {
    return lexicon;
  }

  /** Writes the bucket of every feature of {@code text} to {@code s.buckets}; returns how many. */
  int extract(String text, Scratch s) {
    int length = fold(text, s.folded);
    int n = normalise(s.folded, length, s.normal);
    int[] out = s.buckets;
    int count = 0;
    char[] t = s.normal;
    for (int i = 0; i < n; i++) {
      long c = t[i];
      out[count++] = bucket((1L << 60) | c);
      if (i >= 1) {
        out[count++] = bucket((2L << 60) | ((long) t[i - 1] << 16) | c);
      }
      if (i >= 2) {
        out[count++] = bucket((3L << 60) | ((long) t[i - 2] << 32) | ((long) t[i - 1] << 16) | c);
      }
    }
    int[] groups = s.groupCounts;
    int g = lexicon.groups().size();
    java.util.Arrays.fill(groups, 0, g, 0);
    lexicon.count(s.folded, length, groups);
    for (int i = 0; i < g; i++) {
      if (groups[i] > 0) {
        out[count++] = bucket(LEXICON_ANY | i);
        out[count++] = bucket(LEXICON_COUNT | ((long) i << 8) | Math.min(groups[i], 3));
      }
    }
    if (VerificationCodes.looksLikeCode(s.folded, length)) {
      out[count++] = bucket(CODE_FLAG);
    }
    return count;
  }

  private int bucket(long key) {
    long h = key;
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return (int) (h >>> (64 - bits));
  }

  /**
   * Full-width digits and letters to ASCII, ideographic space to space, ASCII letters to lower case.
   * Full-width punctuation stays: a Chinese comma separates clauses, not the digits of an amount.
   */
  static String fold(String text) {
    char[] out = new char[text.length()];
    int n = fold(text, out, text.length());
    return new String(out, 0, n);
  }

  static int fold(String text, char[] out) {
    return fold(text, out, Math.min(text.length(), out.length));
  }

  private static int fold(String text, char[] out, int limit) {
    for (int i = 0; i < limit; i++) {
      char c = text.charAt(i);
      if ((c >= '\uFF10' && c <= '\uFF19') || (c >= '\uFF21' && c <= '\uFF3A') || (c >= '\uFF41' && c <= '\uFF5A')) {
        c = (char) (c - 0xFEE0);
      } else if (c == '\u3000') {
        c = ' ';
      }
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c + 32);
      }
      out[i] = c;
    }
    return limit;
  }

  /** Normalises folded text into {@code out} framed by START and END; returns the length. */
  static int normalise(char[] in, int length, char[] out) {
    int n = 0;
    out[n++] = START;
    boolean pendingSpace = false;
    int runEnd = -1;
    int i = 0;
    while (i < length) {
      char c = in[i];
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        pendingSpace = n > 1;
        i++;
        continue;
      }
      char emit;
      if (i >= runEnd && isLinkChar(c)) {
        int j = i;
        while (j < length && isLinkChar(in[j])) {
          j++;
        }
        if (isLink(in, i, j)) {
          emit = LINK;
          i = j;
          n = put(out, n, emit, pendingSpace);
          pendingSpace = false;
          continue;
        }
        runEnd = j;
      }
      if (c >= '0' && c <= '9') {
        int digits = 0;
        boolean amount = false;
        boolean clock = false;
        int j = i;
        while (j < length) {
          char d = in[j];
          if (d >= '0' && d <= '9') {
            digits++;
            j++;
          } else if ((d == ',' || d == '.' || d == ':') && j + 1 < length && in[j + 1] >= '0' && in[j + 1] <= '9') {
            amount |= d != ':';
            clock |= d == ':';
            j++;
          } else {
            break;
          }
        }
        emit = amount ? AMOUNT : clock ? CLOCK : digits >= 7 ? LONG_NUMBER : digits >= 4 ? CODE_NUMBER : SHORT_NUMBER;
        i = j;
      } else {
        emit = c;
        i++;
      }
      n = put(out, n, emit, pendingSpace);
      pendingSpace = false;
    }
    out[n++] = END;
    return n;
  }

  private static int put(char[] out, int n, char c, boolean pendingSpace) {
    if (pendingSpace && !(isWide(out[n - 1]) && isWide(c))) {
      out[n++] = ' ';
    }
    out[n++] = c;
    return n;
  }

  private static boolean isWide(char c) {
    return c >= '\u2E80';
  }

  private static boolean isLinkChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '/' || c == ':' || c == '?'
        || c == '=' || c == '&' || c == '_' || c == '%' || c == '#' || c == '~' || c == '+' || c == '-';
  }

  /** A run is a link if it has a scheme, starts with www., or has a host with a dot followed by a path. */
  private static boolean isLink(char[] s, int from, int to) {
    for (int i = from; i + 2 < to; i++) {
      if (s[i] == ':' && s[i + 1] == '/' && s[i + 2] == '/') {
        return true;
      }
    }
    if (to - from > 4 && s[from] == 'w' && s[from + 1] == 'w' && s[from + 2] == 'w' && s[from + 3] == '.') {
      return true;
    }
    for (int i = from + 1; i < to; i++) {
      if (s[i] == '.') {
        int letters = 0;
        int j = i + 1;
        while (j < to && s[j] >= 'a' && s[j] <= 'z') {
          letters++;
          j++;
        }
        if (letters >= 2 && j < to && s[j] == '/') {
          return true;
        }
      }
    }
    return false;
  }
}
