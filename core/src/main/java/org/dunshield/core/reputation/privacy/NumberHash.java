package org.dunshield.core.reputation.privacy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash range queries use: SHA-256 of the E.164 string ({@code +8617188880001}, ASCII), as 64
 * lowercase hex digits. Stateless; thread-safe.
 */
public final class NumberHash {
  private static final HexFormat HEX = HexFormat.of();

  private NumberHash() {}

  public static String hex(String e164) {
    return HEX.formatHex(sha256(e164));
  }

  /** The first 8 bytes of the hash as an unsigned 64-bit value (the range index sorts by it). */
  static long top64(String e164) {
    byte[] h = sha256(e164);
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = v << 8 | (h[i] & 0xFF);
    }
    return v;
  }

  private static byte[] sha256(String e164) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(e164.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
