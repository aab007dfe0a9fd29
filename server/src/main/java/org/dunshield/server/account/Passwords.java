package org.dunshield.server.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes in the PHC string format ({@code $argon2id$v=19$m=19456,t=2,p=1$SALT$HASH}),
 * with OWASP's minimum parameters (19 MiB, 2 passes, 1 lane); verification reads the parameters from
 * the stored string, so they can be raised later without invalidating old hashes. Thread-safe.
 */
public final class Passwords {
  /** Shortest password accepted at sign-up. */
  public static final int MIN_LENGTH = 10;
  /** Longest password accepted (hashing cost must not depend on attacker-chosen sizes). */
  public static final int MAX_LENGTH = 256;

  private static final int MEMORY_KIB = 19_456;
  private static final int ITERATIONS = 2;
  private static final int PARALLELISM = 1;
  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;

  private final SecureRandom random;

  public Passwords(SecureRandom random) {
    this.random = random;
  }

  /** A new hash of {@code password} with a fresh salt. */
  public String hash(String password) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    byte[] hash = argon2(password, salt, MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES);
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    return "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + PARALLELISM + "$"
        + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
  }

  /** Whether {@code password} matches {@code stored}; false for a malformed stored string. */
  public boolean verify(String password, String stored) {
    String[] parts = stored.split("\\$");
    if (parts.length != 6 || !parts[1].equals("argon2id") || !parts[2].equals("v=19")) {
      return false;
    }
    try {
      int m = 0;
      int t = 0;
      int p = 0;
      for (String kv : parts[3].split(",")) {
        int value = Integer.parseInt(kv.substring(2));
        switch (kv.charAt(0)) {
          case 'm' -> m = value;
          case 't' -> t = value;
          case 'p' -> p = value;
          default -> {
            return false;
          }
        }
      }
      byte[] salt = Base64.getDecoder().decode(parts[4]);
      byte[] expected = Base64.getDecoder().decode(parts[5]);
      byte[] actual = argon2(password, salt, m, t, p, expected.length);
      return MessageDigest.isEqual(expected, actual);
    } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
      return false;
    }
  }

  /** A fixed hash to verify against when the user does not exist, so timing does not reveal user names. */
  public String dummyHash() {
    return DUMMY;
  }

  private static final String DUMMY = new Passwords(new SecureRandom()).hash("not a password of anyone");

  private static byte[] argon2(String password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
    Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
        .withVersion(Argon2Parameters.ARGON2_VERSION_13)
        .withMemoryAsKB(memoryKib)
        .withIterations(iterations)
        .withParallelism(parallelism)
        .withSalt(salt)
        .build();
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(params);
    byte[] out = new byte[length];
    generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
    return out;
  }
}
