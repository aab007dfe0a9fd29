package org.dunshield.formats.smsbackup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.dunshield.core.event.CallEvent;
import org.dunshield.core.event.CallType;
import org.dunshield.core.event.Direction;
import org.dunshield.core.event.Event;
import org.dunshield.core.event.Presentation;
import org.dunshield.core.event.SmsEvent;
import org.dunshield.core.number.PhoneNumber;
import org.dunshield.formats.FormatException;
import org.dunshield.formats.ReadOptions;
import org.dunshield.formats.SkipReason;
import org.dunshield.formats.internal.BaseRecordReader;
import org.dunshield.formats.internal.HiddenNumbers;
import org.dunshield.formats.internal.MeteredInputStream;
import org.dunshield.formats.internal.NumberCache;

/** The events of one SMS Backup &amp; Restore file, read with the StAX cursor API. Not thread-safe. */
final class BackupEvents extends BaseRecordReader<Event> {
  private static final int MMS_FROM = 137;
  private static final int MMS_TO = 151;
  private static final int MMS_CC = 130;
  private static final int MMS_BCC = 129;
  private static final int MMS_SEND_REQUEST = 128;
  private static final int MMS_RETRIEVE_CONFIRM = 132;

  private final SurrogateReferenceReader chars;
  private final XMLStreamReader xml;
  private final NumberCache numbers;
  private final int maxField;
  private boolean started;

  BackupEvents(String file, MeteredInputStream input, SurrogateReferenceReader chars, XMLStreamReader xml,
      ReadOptions options) {
    super(file, input);
    this.chars = chars;
    this.xml = xml;
    this.numbers = new NumberCache(options.numbers());
    this.maxField = options.maxFieldChars();
  }

  @Override
  protected Event readNext() {
    try {
      if (!started) {
        enterRoot();
        started = true;
      }
      while (true) {
        int event = xml.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          Event read = switch (xml.getLocalName()) {
            case "call" -> call();
            case "sms" -> sms();
            case "mms" -> mms();
            default -> {
              skipElement();
              yield null;
            }
          };
          if (read != null) {
            return read;
          }
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          while (xml.hasNext()) {
            xml.next(); // the parser rejects anything but comments after the root
          }
          if (chars.replaced() > 0) {
            warn(0, chars.replaced() + " character references to lone surrogates or to characters XML"
                + " forbids were replaced by U+FFFD");
          }
          return null;
        }
      }
    } catch (XMLStreamException e) {
      throw malformed(e);
    }
  }

  @Override
  protected void closeResources() throws IOException {
    try {
      xml.close();
    } catch (XMLStreamException e) {
      // the stream below is closed by the base class
    }
    chars.close();
  }

  private void enterRoot() throws XMLStreamException {
    while (true) {
      int event = xml.next();
      if (event == XMLStreamConstants.DTD) {
        throw new FormatException(file(), line(), null, "a DOCTYPE declaration is refused: SMS Backup & Restore"
            + " writes none, and one can smuggle in local files or entity bombs");
      }
      if (event == XMLStreamConstants.START_ELEMENT) {
        String root = xml.getLocalName();
        if (!root.equals("calls") && !root.equals("smses")) {
          throw new FormatException(file(), line(), null,
              "the root element is <" + root + ">; an SMS Backup & Restore file starts with <calls> or <smses>");
        }
        return;
      }
      if (event == XMLStreamConstants.END_DOCUMENT) {
        throw new FormatException(file(), line(), null, "no root element: the file holds no XML document");
      }
    }
  }

  private CallEvent call() throws XMLStreamException {
    long line = line();
    String number = null;
    String duration = null;
    String date = null;
    String type = null;
    String presentation = null;
    String contact = null;
    for (int i = 0, n = xml.getAttributeCount(); i < n; i++) {
      switch (xml.getAttributeLocalName(i)) {
        case "number" -> number = attribute(i, line);
        case "duration" -> duration = attribute(i, line);
        case "date" -> date = attribute(i, line);
        case "type" -> type = attribute(i, line);
        case "presentation" -> presentation = attribute(i, line);
        case "contact_name" -> contact = attribute(i, line);
        default -> { }
      }
    }
    skipElement();
    Instant at = epochMillis(line, date);
    CallType callType;
    int typeCode = smallCode(line, "type", type, true);
    try {
      callType = CallType.fromSmsBackupCode(typeCode);
    } catch (IllegalArgumentException e) {
      throw new FormatException(file(), line, "attribute type",
          "'" + type + "' is not a call type; expected 1 (incoming) to 6 (refused)");
    }
    String written = number == null ? "" : number.strip();
    Presentation implied = HiddenNumbers.implied(written);
    String raw = implied == null ? written : "";
    PhoneNumber phone = implied == null ? numbers.parseOrNull(raw) : null;
    if (implied == null) {
      implied = Presentation.ALLOWED;
    }
    Presentation shown = implied;
    if (presentation != null) {
      try {
        shown = Presentation.fromSmsBackupCode(smallCode(line, "presentation", presentation, true));
      } catch (IllegalArgumentException e) {
        throw new FormatException(file(), line, "attribute presentation",
            "'" + presentation + "' is not a presentation; expected 1 (allowed) to 4 (payphone)");
      }
    }
    long seconds = duration == null || duration.isEmpty() ? 0 : code(line, "duration", duration, false);
    if (seconds < 0) {
      throw new FormatException(file(), line, "attribute duration", "'" + duration + "' is negative");
    }
    return new CallEvent(at, phone, raw, shown, callType, Duration.ofSeconds(seconds), contactName(contact));
  }

  private SmsEvent sms() throws XMLStreamException {
    long line = line();
    String address = null;
    String date = null;
    String type = null;
    String body = null;
    for (int i = 0, n = xml.getAttributeCount(); i < n; i++) {
      switch (xml.getAttributeLocalName(i)) {
        case "address" -> address = attribute(i, line);
        case "date" -> date = attribute(i, line);
        case "type" -> type = attribute(i, line);
        case "body" -> body = attribute(i, line);
        default -> { }
      }
    }
    skipElement();
    Direction direction = messageDirection(line, "type", type);
    if (direction == null) {
      return null;
    }
    Instant at = epochMillis(line, date);
    String raw = party(address);
    return new SmsEvent(at, raw.isEmpty() ? null : numbers.parseOrNull(raw), raw, direction, body);
  }

  private SmsEvent mms() throws XMLStreamException {
    long line = line();
    String date = null;
    String box = null;
    String messageType = null;
    String address = null;
    for (int i = 0, n = xml.getAttributeCount(); i < n; i++) {
      switch (xml.getAttributeLocalName(i)) {
        case "date" -> date = attribute(i, line);
        case "msg_box" -> box = attribute(i, line);
        case "m_type" -> messageType = attribute(i, line);
        case "address" -> address = attribute(i, line);
        default -> { }
      }
    }
    StringBuilder text = new StringBuilder();
    String from = null;
    String to = null;
    int depth = 0;
    while (true) {
      int event = xml.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
        String name = xml.getLocalName();
        if (name.equals("part")) {
          appendText(text, line);
        } else if (name.equals("addr")) {
          String addr = null;
          int addrType = 0;
          for (int i = 0, n = xml.getAttributeCount(); i < n; i++) {
            switch (xml.getAttributeLocalName(i)) {
              case "address" -> addr = attribute(i, line);
              case "type" -> addrType = smallCode(line(), "type", attribute(i, line), false);
              default -> { }
            }
          }
          if (addrType == MMS_FROM && from == null) {
            from = addr;
          } else if ((addrType == MMS_TO || addrType == MMS_CC || addrType == MMS_BCC) && to == null) {
            to = addr;
          }
        }
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        if (depth == 0) {
          break;
        }
        depth--;
      }
    }
    Direction direction;
    if (box != null) {
      direction = messageDirection(line, "msg_box", box);
    } else if (messageType != null) {
      int mType = smallCode(line, "m_type", messageType, false);
      if (mType == MMS_RETRIEVE_CONFIRM) {
        direction = Direction.INCOMING;
      } else if (mType == MMS_SEND_REQUEST) {
        direction = Direction.OUTGOING;
      } else {
        throw new FormatException(file(), line, "attribute m_type",
            "'" + messageType + "' is neither 128 (sent) nor 132 (received), and msg_box is missing");
      }
    } else {
      throw new FormatException(file(), line, "attribute msg_box", "is missing");
    }
    if (direction == null) {
      return null;
    }
    Instant at = epochMillis(line, date);
    String chosen = direction == Direction.INCOMING ? from : to;
    String raw = party(chosen != null ? chosen : address);
    return new SmsEvent(at, raw.isEmpty() ? null : numbers.parseOrNull(raw), raw, direction, text.toString());
  }

  private void appendText(StringBuilder text, long line) {
    String contentType = null;
    String value = null;
    for (int i = 0, n = xml.getAttributeCount(); i < n; i++) {
      switch (xml.getAttributeLocalName(i)) {
        case "ct" -> contentType = xml.getAttributeValue(i);
        case "text" -> value = attribute(i, line);
        default -> { }
      }
    }
    if (contentType == null || !contentType.regionMatches(true, 0, "text/plain", 0, 10)
        || value == null || value.equals("null")) {
      return;
    }
    if (text.length() > 0) {
      text.append('\n');
    }
    text.append(value);
    if (text.length() > maxField) {
      throw new FormatException(file(), line, "mms text", text.length()
          + " characters, more than the limit of " + maxField);
    }
  }

  /** Maps an SMS type or MMS box: null for drafts and unsent messages, which are counted as skipped. */
  private Direction messageDirection(long line, String attribute, String value) {
    int code = smallCode(line, attribute, value, true);
    switch (code) {
      case 1:
        return Direction.INCOMING;
      case 2:
        return Direction.OUTGOING;
      case 3:
        skip(SkipReason.DRAFT);
        return null;
      case 4:
      case 5:
      case 6:
        skip(SkipReason.UNSENT);
        return null;
      default:
        throw new FormatException(file(), line, "attribute " + attribute, "'" + value
            + "' is not a message type; expected 1 (received), 2 (sent), 3 (draft), 4 (outbox), 5 (failed)"
            + " or 6 (queued)");
    }
  }

  /** The other party as written, "" when absent or a placeholder. */
  private static String party(String address) {
    if (address == null) {
      return "";
    }
    String raw = address.strip();
    if (raw.equals("insert-address-token") || HiddenNumbers.implied(raw) != null) {
      return "";
    }
    return raw;
  }

  private static String contactName(String name) {
    if (name == null || name.isBlank() || name.equals("(Unknown)") || name.equals("null")) {
      return null;
    }
    return name;
  }

  private String attribute(int index, long line) {
    String value = xml.getAttributeValue(index);
    if (value.length() > maxField) {
      throw new FormatException(file(), line, "attribute " + xml.getAttributeLocalName(index),
          value.length() + " characters, more than the limit of " + maxField);
    }
    return value;
  }

  private Instant epochMillis(long line, String value) {
    if (value == null) {
      throw new FormatException(file(), line, "attribute date", "is missing");
    }
    try {
      return Instant.ofEpochMilli(Long.parseLong(value.strip()));
    } catch (NumberFormatException e) {
      throw new FormatException(file(), line, "attribute date",
          "'" + abbreviate(value) + "' is not epoch milliseconds");
    }
  }

  private long code(long line, String attribute, String value, boolean required) {
    if (value == null) {
      if (required) {
        throw new FormatException(file(), line, "attribute " + attribute, "is missing");
      }
      return 0;
    }
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw new FormatException(file(), line, "attribute " + attribute,
          "'" + abbreviate(value) + "' is not a number");
    }
  }

  /** A type code; one outside the int range comes back as -1, which no vocabulary knows. */
  private int smallCode(long line, String attribute, String value, boolean required) {
    long code = code(line, attribute, value, required);
    return code >= Integer.MIN_VALUE && code <= Integer.MAX_VALUE ? (int) code : -1;
  }

  /** Reads up to and including the end tag of the element whose start tag was just read. */
  private void skipElement() throws XMLStreamException {
    int depth = 0;
    while (true) {
      int event = xml.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        if (depth == 0) {
          return;
        }
        depth--;
      }
    }
  }

  private long line() {
    Location location = xml.getLocation();
    return location == null ? 0 : location.getLineNumber();
  }

  private RuntimeException malformed(XMLStreamException e) {
    // the JDK keeps what the reader below threw as the "nested exception", not always as the cause
    for (Throwable cause = e; cause != null; cause = cause instanceof XMLStreamException x
        && x.getNestedException() != null && x.getNestedException() != x ? x.getNestedException() : cause.getCause()) {
      if (cause instanceof FormatException f) {
        return f;
      }
      if (cause instanceof IOException io) {
        return new UncheckedIOException(file() + ": " + io.getMessage(), io);
      }
    }
    Location location = e.getLocation();
    long line = location == null ? line() : location.getLineNumber();
    int column = location == null ? 0 : location.getColumnNumber();
    return new FormatException(file(), line, column, null, "malformed XML: " + parserMessage(e), e);
  }

  /** The parser's message without the location prefix the JDK puts in front of it. */
  static String parserMessage(XMLStreamException e) {
    String message = e.getMessage() == null ? "unreadable" : e.getMessage();
    int marker = message.indexOf("Message: ");
    return (marker >= 0 ? message.substring(marker + "Message: ".length()) : message).strip();
  }

  private static String abbreviate(String value) {
    return value.length() <= 40 ? value : value.substring(0, 37) + "...";
  }
}
