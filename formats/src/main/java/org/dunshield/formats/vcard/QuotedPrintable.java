package org.dunshield.formats.vcard;

import java.util.Arrays;

/**
 * Decodes quoted-printable (RFC 2045) after soft line breaks have been removed: {@code =XX} becomes
 * the byte XX; anything else, including a malformed {@code =}, is kept as it is. Stateless.
 */
final class QuotedPrintable {
  private QuotedPrintable() {}

  static byte[] decode(byte[] in, int length) {
    byte[] out = new byte[length];
    int n = 0;
    for (int i = 0; i < length; i++) {
      byte b = in[i];
      if (b == '=' && i + 2 < length && hex(in[i + 1]) >= 0 && hex(in[i + 2]) >= 0) {
        out[n++] = (byte) (hex(in[i + 1]) << 4 | hex(in[i + 2]));
        i += 2;
      } else {
        out[n++] = b;
      }
    }
    return Arrays.copyOf(out, n);
  }

  private static int hex(byte b) {
    if (b >= '0' && b <= '9') {
      return b - '0';
    }
    if (b >= 'A' && b <= 'F') {
      return b - 'A' + 10;
    }
    if (b >= 'a' && b <= 'f') {
      return b - 'a' + 10;
    }
    return -1;
  }
}
