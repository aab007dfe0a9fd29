package org.dunshield.core.evidence;

import java.time.Instant;
import org.dunshield.core.event.CallEvent;
import org.dunshield.core.event.Event;
import org.dunshield.core.event.SmsEvent;
import org.dunshield.core.history.HistoryEntry;
import org.dunshield.core.screen.Verdict;

/**
 * The hash chain's formats, in one place so that writers and verifiers cannot disagree. Every text
 * is UTF-8, fields separated by a line feed; see {@code docs/evidence.md}. Stateless.
 *
 * <pre>
 * link hash    = SHA-256("dunshield-evidence-v1\n" seq "\n" kind "\n" ref "\n" contentHash "\n"
 *                        recordedAtMillis "\n" prevHash)
 * event hash   = SHA-256(canonical text of the stored event, {@link #eventText})
 * attachment   = SHA-256("attachment\n" name "\n" size "\n" fileSha256)
 * </pre>
 */
public final class Chain {
  private static final String VERSION = "dunshield-evidence-v1";

  private Chain() {}

  public static String link(String prevHash, long seq, LinkKind kind, long ref, String contentHash, Instant at) {
    return Sha256.of(VERSION + '\n' + seq + '\n' + kind.code() + '\n' + ref + '\n' + contentHash + '\n'
        + at.toEpochMilli() + '\n' + prevHash);
  }

  /** The content hash of a stored history entry: every field the store keeps, the id included. */
  public static String eventHash(HistoryEntry entry) {
    return Sha256.of(eventText(entry));
  }

  /** The content hash of an attachment: its name, size and the SHA-256 of its bytes. */
  public static String attachmentHash(String name, long size, String fileSha256) {
    return Sha256.of("attachment\n" + name + '\n' + size + '\n' + fileSha256);
  }

  /**
   * The canonical text of a stored event. Fields that may be absent are written as {@code -}
   * prefixed values ({@code =value} when present) so that absent and empty differ.
   */
  public static String eventText(HistoryEntry entry) {
    Event e = entry.event();
    StringBuilder b = new StringBuilder(256);
    b.append("event\n").append(entry.id()).append('\n')
        .append(e.channel().code()).append('\n')
        .append(e.direction().code()).append('\n')
        .append(e.at().toEpochMilli()).append('\n');
    opt(b, e.number() == null ? null : e.number().e164());
    opt(b, e.number() == null ? null : e.number().kind().code());
    opt(b, e.rawNumber());
    if (e instanceof CallEvent call) {
      b.append("call\n").append(call.presentation().code()).append('\n')
          .append(call.type().code()).append('\n')
          .append(call.duration().getSeconds()).append('\n');
      opt(b, call.contactName());
    } else {
      b.append("sms\n");
      opt(b, ((SmsEvent) e).body());
    }
    Verdict v = entry.verdict();
    if (v == null) {
      b.append("-\n");
    } else {
      b.append("verdict\n").append(v.action().code()).append('\n');
      opt(b, v.check());
      opt(b, v.ruleId() == null ? null : Long.toString(v.ruleId()));
      opt(b, v.category() == null ? null : v.category().code());
      opt(b, v.reason().zh());
      opt(b, v.reason().en());
    }
    opt(b, entry.source());
    return b.toString();
  }

  private static void opt(StringBuilder b, String value) {
    if (value == null) {
      b.append("-\n");
    } else {
      b.append('=').append(value.replace("\\", "\\\\").replace("\n", "\\n")).append('\n');
    }
  }
}
