package org.dunshield.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import org.dunshield.core.event.CallEvent;
import org.dunshield.core.event.CallType;
import org.dunshield.core.event.Channel;
import org.dunshield.core.event.Direction;
import org.dunshield.core.event.Event;
import org.dunshield.core.event.Presentation;
import org.dunshield.core.event.SmsEvent;
import org.dunshield.core.history.HistoryEntry;
import org.dunshield.core.number.NumberKind;
import org.dunshield.core.number.PhoneNumber;
import org.dunshield.core.screen.Action;
import org.dunshield.core.screen.Category;
import org.dunshield.core.screen.Reason;
import org.dunshield.core.screen.Verdict;

/**
 * How a history entry maps to a row of the {@code history} table and back. Times are kept in epoch
 * milliseconds and call durations in whole seconds, the precision phones log; everything else
 * round-trips exactly. A verdict's number is the event's number. Stateless.
 */
final class EventRow {
  static final String COLUMNS = "owner, channel, direction, at, e164, number_kind, raw_number,"
      + " presentation, call_type, duration_seconds, contact_name, body,"
      + " action, check_id, rule_id, category, reason_zh, reason_en, source, dedup_key";
  static final String INSERT = "INSERT INTO history (" + COLUMNS + ")"
      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";
  static final String SELECT = "SELECT id, " + COLUMNS + " FROM history";

  private EventRow() {}

  static void bind(PreparedStatement s, long owner, Event event, Verdict verdict, String source)
      throws SQLException {
    s.setLong(1, owner);
    s.setString(2, event.channel().code());
    s.setString(3, event.direction().code());
    s.setLong(4, event.at().toEpochMilli());
    PhoneNumber number = event.number();
    s.setString(5, number == null ? null : number.e164());
    s.setString(6, number == null ? null : number.kind().code());
    s.setString(7, event.rawNumber());
    if (event instanceof CallEvent call) {
      s.setString(8, call.presentation().code());
      s.setString(9, call.type().code());
      s.setLong(10, call.duration().getSeconds());
      s.setString(11, call.contactName());
      s.setNull(12, Types.VARCHAR);
    } else {
      s.setNull(8, Types.VARCHAR);
      s.setNull(9, Types.VARCHAR);
      s.setNull(10, Types.BIGINT);
      s.setNull(11, Types.VARCHAR);
      s.setString(12, ((SmsEvent) event).body());
    }
    s.setString(13, verdict == null ? null : verdict.action().code());
    s.setString(14, verdict == null ? null : verdict.check());
    if (verdict == null || verdict.ruleId() == null) {
      s.setNull(15, Types.BIGINT);
    } else {
      s.setLong(15, verdict.ruleId());
    }
    s.setString(16, verdict == null || verdict.category() == null ? null : verdict.category().code());
    s.setString(17, verdict == null ? null : verdict.reason().zh());
    s.setString(18, verdict == null ? null : verdict.reason().en());
    s.setString(19, source == null ? "" : source);
    s.setString(20, event.dedupKey());
  }

  /**
   * The entry to link into the evidence chain for the row that {@link #bind} writes, without reading
   * it back: the event as given, whose chain text ({@link org.dunshield.core.evidence.Chain#eventText}:
   * times in milliseconds, durations in whole seconds, an absent source as empty) is the stored row's;
   * {@code null} when a text might not read back exactly (a NUL character or a lone surrogate), so the
   * caller reads the row instead.
   */
  static HistoryEntry asStored(long id, Event event, Verdict verdict, String source) {
    boolean exact = exact(event.rawNumber()) && exact(source)
        && (event instanceof CallEvent call ? exact(call.contactName()) : exact(((SmsEvent) event).body()))
        && (verdict == null || exact(verdict.check()) && exact(verdict.reason().zh()) && exact(verdict.reason().en()));
    return exact ? new HistoryEntry(id, event, verdict, source) : null;
  }

  /** Whether {@code text} survives the round trip through a database's text column unchanged. */
  private static boolean exact(String text) {
    if (text == null) {
      return true;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == 0) {
        return false;
      }
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
        } else {
          return false;
        }
      }
    }
    return true;
  }

  static HistoryEntry entry(ResultSet row) throws SQLException {
    String e164 = row.getString("e164");
    PhoneNumber number = e164 == null ? null : PhoneNumber.of(e164, NumberKind.fromCode(row.getString("number_kind")));
    Instant at = Instant.ofEpochMilli(row.getLong("at"));
    Event event = switch (Channel.fromCode(row.getString("channel"))) {
      case CALL -> new CallEvent(at, number, row.getString("raw_number"),
          Presentation.fromCode(row.getString("presentation")),
          CallType.fromCode(row.getString("call_type")),
          Duration.ofSeconds(row.getLong("duration_seconds")),
          row.getString("contact_name"));
      case SMS -> new SmsEvent(at, number, row.getString("raw_number"),
          Direction.fromCode(row.getString("direction")), row.getString("body"));
    };
    return new HistoryEntry(row.getLong("id"), event, verdict(row, number), row.getString("source"));
  }

  private static Verdict verdict(ResultSet row, PhoneNumber number) throws SQLException {
    String action = row.getString("action");
    if (action == null) {
      return null;
    }
    long ruleId = row.getLong("rule_id");
    Long rule = row.wasNull() ? null : ruleId;
    String category = row.getString("category");
    return new Verdict(Action.fromCode(action), row.getString("check_id"), rule,
        category == null ? null : Category.fromCode(category),
        new Reason(row.getString("reason_zh"), row.getString("reason_en")), number);
  }
}
