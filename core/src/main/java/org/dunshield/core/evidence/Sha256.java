package org.dunshield.core.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** SHA-256 digests as lower-case hex, the form the evidence log and manifests use. Stateless. */
public final class Sha256 {
  /** The hash that precedes the first link of a chain: 64 zeros. */
  public static final String ZERO = "0".repeat(64);

  private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

  private Sha256() {}

  public static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  public static String of(String text) {
    return hex(digest().digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  public static String of(byte[] bytes) {
    return hex(digest().digest(bytes));
  }

  /** Reads {@code in} to the end (without closing it) and returns the digest of its bytes. */
  public static String of(InputStream in) throws IOException {
    MessageDigest sha = digest();
    byte[] buffer = new byte[64 * 1024];
    for (int n; (n = in.read(buffer)) > 0; ) {
      sha.update(buffer, 0, n);
    }
    return hex(sha.digest());
  }

  public static String hex(byte[] digest) {
    return HexFormat.of().formatHex(digest);
  }

  /** Whether {@code s} is a digest in the canonical form (64 lower-case hex digits). */
  public static boolean isHex(String s) {
    return s != null && HEX.matcher(s).matches();
  }
}
