package org.dunshield.server.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Random secrets (session cookies, CSRF tokens, API tokens) and the SHA-256 digests under which the
 * store keeps them: a stolen database reveals no usable session or token. Thread-safe.
 */
public final class Secrets {
  /** Prefix of personal API tokens, so leaked ones are recognisable. */
  public static final String TOKEN_PREFIX = "dsk_";

  private final SecureRandom random;

  public Secrets(SecureRandom random) {
    this.random = random;
  }

  /** 256 random bits, URL-safe Base64. */
  public String next() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The hex SHA-256 of {@code secret}. */
  public static String digest(String secret) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** Constant-time comparison of two tokens. */
  public static boolean same(String a, String b) {
    if (a == null || b == null) {
      return false;
    }
    return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
