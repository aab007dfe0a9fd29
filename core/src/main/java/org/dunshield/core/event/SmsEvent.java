package org.dunshield.core.event;

import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import org.dunshield.core.number.PhoneNumber;

/**
 * An SMS (or the text parts of an MMS). {@code number} is {@code null} when the sender is not a
 * phone number, such as an alphanumeric sender ID; {@code body} is the unedited text.
 */
public record SmsEvent(Instant at, PhoneNumber number, String rawNumber, Direction direction, String body)
    implements Event {

  public SmsEvent {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(direction, "direction");
    rawNumber = rawNumber == null ? "" : rawNumber;
    body = body == null ? "" : body;
  }

  @Override
  public Channel channel() {
    return Channel.SMS;
  }

  @Override
  public String dedupKey() {
    String party = number != null ? number.e164() : rawNumber;
    return "sms|" + direction.code() + "|" + at.toEpochMilli() + "|" + party + "|" + bodyDigest();
  }

  private String bodyDigest() {
    try {
      var sha = java.security.MessageDigest.getInstance("SHA-256");
      byte[] hash = sha.digest(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 12);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
