package org.dunshield.server.reputation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.dunshield.core.reputation.Report;

/**
 * Who may report through the API: bearer tokens and the reporter id each stands for, read from a
 * file of lines {@code TOKEN REPORTER} ({@code #} comments; tokens at least {@value #MIN_TOKEN}
 * characters). Only SHA-256 digests of the tokens are kept in memory. A request authenticates with
 * {@code Authorization: Bearer TOKEN} or, as PhoneBlock clients send it, HTTP Basic
 * {@code LOGIN:TOKEN}. Immutable; thread-safe.
 */
public final class ReporterTokens {
  public static final int MIN_TOKEN = 16;

  private final Map<String, String> byDigest;

  private ReporterTokens(Map<String, String> byDigest) {
    this.byDigest = Map.copyOf(byDigest);
  }

  /** No tokens: every report through the API is refused. */
  public static ReporterTokens none() {
    return new ReporterTokens(Map.of());
  }

  /**
   * Reads {@code TOKEN REPORTER} lines.
   *
   * @throws IllegalArgumentException naming the line of a malformed entry
   */
  public static ReporterTokens read(Reader in, String source) throws IOException {
    Map<String, String> map = new HashMap<>();
    BufferedReader reader = new BufferedReader(in);
    String line;
    int n = 0;
    while ((line = reader.readLine()) != null) {
      n++;
      String s = line.strip();
      if (s.isEmpty() || s.startsWith("#")) {
        continue;
      }
      String[] f = s.split("\\s+");
      if (f.length != 2) {
        throw new IllegalArgumentException(source + " line " + n + ": expected TOKEN REPORTER");
      }
      if (f[0].length() < MIN_TOKEN) {
        throw new IllegalArgumentException(source + " line " + n + ": a token needs at least " + MIN_TOKEN
            + " characters");
      }
      try {
        Report.validReporterId(f[1]);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(source + " line " + n + ": " + e.getMessage());
      }
      if (map.put(digest(f[0]), f[1]) != null) {
        throw new IllegalArgumentException(source + " line " + n + ": the token is listed twice");
      }
    }
    return new ReporterTokens(map);
  }

  /** A single token, for tests and one-user servers. */
  public static ReporterTokens of(String token, String reporter) {
    Report.validReporterId(reporter);
    return new ReporterTokens(Map.of(digest(token), reporter));
  }

  /** The reporter an {@code Authorization} header authenticates, if any. */
  public Optional<String> reporter(String authorization) {
    if (authorization == null) {
      return Optional.empty();
    }
    String token = null;
    String h = authorization.strip();
    if (h.regionMatches(true, 0, "Bearer ", 0, 7)) {
      token = h.substring(7).strip();
    } else if (h.regionMatches(true, 0, "Basic ", 0, 6)) {
      try {
        String pair = new String(Base64.getDecoder().decode(h.substring(6).strip()), StandardCharsets.UTF_8);
        int colon = pair.indexOf(':');
        token = colon < 0 ? null : pair.substring(colon + 1);
      } catch (IllegalArgumentException notBase64) {
        return Optional.empty();
      }
    }
    return token == null || token.isEmpty() ? Optional.empty() : Optional.ofNullable(byDigest.get(digest(token)));
  }

  public int size() {
    return byDigest.size();
  }

  private static String digest(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
