package org.dunshield.sip;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A SIP request or response (RFC 3261 7): start line, header fields in order, body. Header text is
 * kept byte for byte (ISO-8859-1 in, ISO-8859-1 out, so UTF-8 display names pass through unchanged);
 * compact names ({@code v}, {@code f}, ...) are read as their full names, and Via, Route and
 * Record-Route values written comma-separated on one line become one field each. Built by {@link
 * #parse}, which checks everything a proxy relies on, or as a response to a request. Not
 * thread-safe: a message is edited by one thread (a copy for each forward).
 */
final class SipMessage {
  /** The largest message taken, as JAIN-SIP's limit was here: anything near the MTU goes over TCP. */
  static final int MAX_BYTES = 16 * 1024;

  /** A header field: canonical name (for the headers this service reads) and value as written. */
  record Field(String name, String value) {}

  private static final Map<String, String> CANONICAL = Map.ofEntries(
      Map.entry("v", "Via"), Map.entry("via", "Via"),
      Map.entry("f", "From"), Map.entry("from", "From"),
      Map.entry("t", "To"), Map.entry("to", "To"),
      Map.entry("i", "Call-ID"), Map.entry("call-id", "Call-ID"),
      Map.entry("cseq", "CSeq"),
      Map.entry("m", "Contact"), Map.entry("contact", "Contact"),
      Map.entry("l", "Content-Length"), Map.entry("content-length", "Content-Length"),
      Map.entry("c", "Content-Type"), Map.entry("content-type", "Content-Type"),
      Map.entry("e", "Content-Encoding"), Map.entry("content-encoding", "Content-Encoding"),
      Map.entry("k", "Supported"), Map.entry("supported", "Supported"),
      Map.entry("s", "Subject"), Map.entry("subject", "Subject"),
      Map.entry("max-forwards", "Max-Forwards"),
      Map.entry("route", "Route"), Map.entry("record-route", "Record-Route"),
      Map.entry("p-asserted-identity", "P-Asserted-Identity"),
      Map.entry("privacy", "Privacy"), Map.entry("retry-after", "Retry-After"));

  private static final Map<Integer, String> REASONS = Map.ofEntries(
      Map.entry(100, "Trying"), Map.entry(180, "Ringing"), Map.entry(200, "OK"),
      Map.entry(302, "Moved Temporarily"), Map.entry(400, "Bad Request"), Map.entry(404, "Not Found"),
      Map.entry(408, "Request Timeout"), Map.entry(416, "Unsupported URI Scheme"),
      Map.entry(480, "Temporarily Unavailable"), Map.entry(481, "Call/Transaction Does Not Exist"),
      Map.entry(483, "Too Many Hops"), Map.entry(486, "Busy Here"), Map.entry(487, "Request Terminated"),
      Map.entry(500, "Server Internal Error"), Map.entry(503, "Service Unavailable"),
      Map.entry(505, "Version Not Supported"), Map.entry(513, "Message Too Large"), Map.entry(603, "Decline"));

  private final String method;
  private String requestUri;
  private final int status;
  private String reason;
  private final ArrayList<Field> fields;
  private final byte[] body;
  // parsed once, on first use (check fills them for a parsed message); an edit of the field drops its own
  private Via topVia;
  private SipUri uri;
  private NameAddr from;
  private NameAddr to;

  private SipMessage(String method, String requestUri, int status, String reason, ArrayList<Field> fields, byte[] body) {
    this.method = method;
    this.requestUri = requestUri;
    this.status = status;
    this.reason = reason;
    this.fields = fields;
    this.body = body;
  }

  /** Thrown for a message that cannot be used; {@link #answerable()} when a 400 can still name it. */
  static final class Malformed extends Exception {
    private final transient SipMessage partial;

    Malformed(String why, SipMessage partial) {
      super(why, null, false, false);
      this.partial = partial;
    }

    /** The request as far as it was read, when it has what a response needs; else {@code null}. */
    SipMessage answerable() {
      return partial;
    }
  }

  /**
   * Parses one message from {@code length} bytes at {@code offset} (one datagram, or one message
   * framed off a stream).
   *
   * @throws Malformed naming the problem
   */
  static SipMessage parse(byte[] bytes, int offset, int length) throws Malformed {
    int start = offset;
    int end = offset + length;
    while (start < end && (bytes[start] == '\r' || bytes[start] == '\n')) {
      start++;
    }
    if (start == end) {
      throw new Malformed("empty", null);
    }
    int headEnd = headEnd(bytes, start, end);
    int bodyStart = headEnd < 0 ? end : headEnd;
    String head = new String(bytes, start, (headEnd < 0 ? end : headEnd) - start, StandardCharsets.ISO_8859_1);
    ArrayList<Field> fields = new ArrayList<>(16);
    int lineEnd = head.indexOf('\n');
    String startLine = stripCr(lineEnd < 0 ? head : head.substring(0, lineEnd));
    String problem = null;
    int pos = lineEnd < 0 ? head.length() : lineEnd + 1;
    String pendingName = null;
    StringBuilder pendingValue = null;
    while (pos < head.length()) {
      int nl = head.indexOf('\n', pos);
      String line = stripCr(head.substring(pos, nl < 0 ? head.length() : nl));
      pos = nl < 0 ? head.length() : nl + 1;
      if (line.isEmpty()) {
        break;
      }
      if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
        if (pendingValue == null) {
          problem = problem != null ? problem : "a continuation line before any header";
          continue;
        }
        if (pendingValue.length() > 0) { // a fold right after the colon adds no space (RFC 3261 7.3.1)
          pendingValue.append(' ');
        }
        pendingValue.append(line.trim());
        continue;
      }
      if (pendingName != null) {
        add(fields, pendingName, pendingValue.toString());
      }
      int colon = line.indexOf(':');
      String name = colon <= 0 ? "" : line.substring(0, colon).trim();
      if (name.isEmpty() || !token(name)) {
        problem = problem != null ? problem : "header line '" + printable(line) + "' has no name";
        pendingName = null;
        pendingValue = null;
        continue;
      }
      pendingName = canonical(name);
      pendingValue = new StringBuilder(line.length() - colon).append(line, colon + 1, line.length());
      trimInPlace(pendingValue);
    }
    if (pendingName != null) {
      add(fields, pendingName, pendingValue.toString());
    }
    if (startLine.regionMatches(true, 0, "SIP/2.0 ", 0, 8)) {
      int code = threeDigits(startLine, 8);
      if (code < 100 || code > 699 || (startLine.length() > 11 && startLine.charAt(11) != ' ')) {
        throw new Malformed("bad status line '" + printable(startLine) + "'", null);
      }
      SipMessage message = new SipMessage(null, null, code, startLine.length() > 12 ? startLine.substring(12) : "", fields,
          body(bytes, bodyStart, end, fields));
      message.check(problem, false);
      return message;
    }
    int sp1 = startLine.indexOf(' ');
    int sp2 = sp1 < 0 ? -1 : startLine.indexOf(' ', sp1 + 1);
    String methodName = sp1 < 0 ? startLine : startLine.substring(0, sp1);
    if (sp2 < 0 || methodName.isEmpty() || !token(methodName)) {
      throw new Malformed("bad request line '" + printable(startLine) + "'", null);
    }
    String uri = startLine.substring(sp1 + 1, sp2);
    String version = startLine.substring(sp2 + 1);
    SipUri parsedUri = null;
    if (!version.equalsIgnoreCase("SIP/2.0")) {
      problem = "unsupported version '" + printable(version) + "'";
    } else {
      try {
        parsedUri = SipUri.parse(uri);
      } catch (IllegalArgumentException e) {
        problem = problem != null ? problem : "bad Request-URI: " + e.getMessage();
      }
    }
    byte[] payload;
    try {
      payload = body(bytes, bodyStart, end, fields);
    } catch (Malformed e) {
      problem = problem != null ? problem : e.getMessage();
      payload = new byte[0];
    }
    SipMessage message = new SipMessage(methodName, uri, 0, null, fields, payload);
    message.uri = parsedUri;
    message.check(problem, true);
    return message;
  }

  /** Checks the headers every message needs; throws {@link Malformed}, answerable when a 400 can go back. */
  private void check(String earlier, boolean request) throws Malformed {
    String via = first("Via");
    String callId = first("Call-ID");
    String cseq = first("CSeq");
    String from = first("From");
    String to = first("To");
    if (via == null || callId == null || cseq == null || from == null || to == null) {
      throw new Malformed("missing " + (via == null ? "Via" : callId == null ? "Call-ID" : cseq == null ? "CSeq"
          : from == null ? "From" : "To"), null);
    }
    try {
      topVia = Via.parse(via);
    } catch (IllegalArgumentException e) {
      throw new Malformed(e.getMessage(), null); // no address to answer to
    }
    SipMessage answerable = request && !"ACK".equals(method) ? this : null;
    if (earlier != null) {
      throw new Malformed(earlier, answerable);
    }
    for (Field f : fields) {
      if (f.name.equals("Via")) {
        try {
          Via.parse(f.value);
        } catch (IllegalArgumentException e) {
          throw new Malformed(e.getMessage(), answerable);
        }
      }
    }
    if (callId.isEmpty() || callId.indexOf(' ') >= 0) {
      throw new Malformed("bad Call-ID '" + printable(callId) + "'", answerable);
    }
    int space = cseq.indexOf(' ');
    String cseqMethod = space < 0 ? "" : cseq.substring(space + 1).trim();
    if (space <= 0 || space > 10 || !digits(cseq.substring(0, space)) || Long.parseLong(cseq.substring(0, space)) > Integer.MAX_VALUE
        || !token(cseqMethod) || (request && !cseqMethod.equals(method))) {
      throw new Malformed("bad CSeq '" + printable(cseq) + "'", answerable);
    }
    try {
      this.from = NameAddr.parse(from);
    } catch (IllegalArgumentException e) {
      throw new Malformed("bad From: " + e.getMessage(), answerable);
    }
    try {
      this.to = NameAddr.parse(to);
    } catch (IllegalArgumentException e) {
      throw new Malformed("bad To: " + e.getMessage(), answerable);
    }
    String maxForwards = first("Max-Forwards");
    if (maxForwards != null && (!digits(maxForwards) || maxForwards.replaceFirst("^0+(?=\\d)", "").length() > 3)) {
      throw new Malformed("bad Max-Forwards '" + printable(maxForwards) + "'", answerable);
    }
    if (request) {
      for (String name : new String[] {"Route", "Record-Route"}) {
        for (String value : all(name)) {
          try {
            NameAddr.parse(value);
          } catch (IllegalArgumentException e) {
            throw new Malformed("bad " + name + ": " + e.getMessage(), answerable);
          }
        }
      }
      if (method.equals("INVITE")) {
        String contact = first("Contact");
        if (contact == null) {
          throw new Malformed("an INVITE needs a Contact", answerable);
        }
        if (!contact.trim().equals("*")) {
          try {
            NameAddr.parse(contact.contains(",") && !contact.contains("\"") ? contact.substring(0, contact.indexOf(',')) : contact);
          } catch (IllegalArgumentException e) {
            throw new Malformed("bad Contact: " + e.getMessage(), answerable);
          }
        }
      }
    }
  }

  private static byte[] body(byte[] bytes, int bodyStart, int end, List<Field> fields) throws Malformed {
    String length = null;
    for (Field f : fields) {
      if (f.name.equals("Content-Length")) {
        length = f.value;
        break;
      }
    }
    int available = end - bodyStart;
    int take = available;
    if (length != null) {
      if (!digits(length) || length.length() > 9) {
        throw new Malformed("bad Content-Length '" + printable(length) + "'", null);
      }
      int declared = Integer.parseInt(length);
      if (declared > available) {
        throw new Malformed("Content-Length " + declared + " but " + available + " bytes of body", null);
      }
      take = declared; // extra bytes after a datagram's body are ignored (RFC 3261 18.3)
    }
    byte[] body = new byte[take];
    System.arraycopy(bytes, bodyStart, body, 0, take);
    return body;
  }

  /** The index just after the blank line that ends the header section, or -1. */
  static int headEnd(byte[] b, int from, int end) {
    for (int i = from; i < end - 1; i++) {
      if (b[i] == '\n') {
        if (b[i + 1] == '\n') {
          return i + 2;
        }
        if (b[i + 1] == '\r' && i + 2 < end && b[i + 2] == '\n') {
          return i + 3;
        }
      }
    }
    return -1;
  }

  private static void add(List<Field> fields, String name, String value) {
    if (name.equals("Via") || name.equals("Route") || name.equals("Record-Route")) {
      int from = 0;
      int depth = 0;
      boolean quoted = false;
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (c == '"' && (i == 0 || value.charAt(i - 1) != '\\')) {
          quoted = !quoted;
        } else if (!quoted && c == '<') {
          depth++;
        } else if (!quoted && c == '>') {
          depth--;
        } else if (!quoted && depth == 0 && c == ',') {
          fields.add(new Field(name, value.substring(from, i).trim()));
          from = i + 1;
        }
      }
      fields.add(new Field(name, value.substring(from).trim()));
      return;
    }
    fields.add(new Field(name, value));
  }

  private static String canonical(String name) {
    String known = CANONICAL.get(name.toLowerCase(Locale.ROOT));
    return known != null ? known : name;
  }

  private static boolean token(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-.!%*_+`'~".indexOf(c) >= 0)) {
        return false;
      }
    }
    return !s.isEmpty();
  }

  private static boolean digits(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static int threeDigits(String s, int at) {
    if (s.length() < at + 3) {
      return -1;
    }
    int v = 0;
    for (int i = at; i < at + 3; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static String stripCr(String line) {
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }

  private static void trimInPlace(StringBuilder s) {
    int start = 0;
    while (start < s.length() && (s.charAt(start) == ' ' || s.charAt(start) == '\t')) {
      start++;
    }
    s.delete(0, start);
    int end = s.length();
    while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\t')) {
      end--;
    }
    s.setLength(end);
  }

  /** {@code text} with anything but printable ASCII as {@code ?}, at most 80 characters: for messages and logs. */
  static String printable(String text) {
    StringBuilder s = new StringBuilder(Math.min(text.length(), 80));
    for (int i = 0; i < text.length() && i < 80; i++) {
      char c = text.charAt(i);
      s.append(c >= 0x20 && c <= 0x7e ? c : '?');
    }
    return s.toString();
  }

  /** A new request with no fields yet (add them, Via first). */
  static SipMessage request(String method, String requestUri) {
    return new SipMessage(method, requestUri, 0, null, new ArrayList<>(8), new byte[0]);
  }

  // ---- reading

  boolean isRequest() {
    return method != null;
  }

  /** The request's method, or {@code null} for a response. */
  String method() {
    return method;
  }

  String requestUri() {
    return requestUri;
  }

  int status() {
    return status;
  }

  /** The first value of {@code name} (canonical name, or as written for other headers), or {@code null}. */
  String first(String name) {
    for (Field f : fields) {
      if (f.name.equals(name) || f.name.equalsIgnoreCase(name)) {
        return f.value;
      }
    }
    return null;
  }

  List<String> all(String name) {
    List<String> values = new ArrayList<>(2);
    for (Field f : fields) {
      if (f.name.equals(name) || f.name.equalsIgnoreCase(name)) {
        values.add(f.value);
      }
    }
    return values;
  }

  Via topVia() {
    if (topVia == null) {
      String via = first("Via");
      topVia = via == null ? null : Via.parse(via);
    }
    return topVia;
  }

  String callId() {
    return first("Call-ID");
  }

  long cseqNumber() {
    String cseq = first("CSeq");
    return Long.parseLong(cseq.substring(0, cseq.indexOf(' ')));
  }

  String cseqMethod() {
    String cseq = first("CSeq");
    return cseq.substring(cseq.indexOf(' ') + 1).trim();
  }

  /** The Request-URI, parsed. */
  SipUri uri() {
    if (uri == null) {
      uri = SipUri.parse(requestUri);
    }
    return uri;
  }

  /** The From value, parsed. */
  NameAddr from() {
    if (from == null) {
      from = NameAddr.parse(first("From"));
    }
    return from;
  }

  /** The To value, parsed, or {@code null} without a To. */
  NameAddr to() {
    if (to == null) {
      String value = first("To");
      to = value == null ? null : NameAddr.parse(value);
    }
    return to;
  }

  String fromTag() {
    return from().param("tag");
  }

  String toTag() {
    NameAddr value = to();
    return value == null ? null : value.param("tag");
  }

  byte[] body() {
    return body;
  }

  // ---- editing

  /** A copy whose fields can be edited without touching this one. */
  SipMessage copy() {
    SipMessage copy = new SipMessage(method, requestUri, status, reason, new ArrayList<>(fields), body);
    copy.topVia = topVia;
    copy.uri = uri;
    copy.from = from;
    copy.to = to;
    return copy;
  }

  void setRequestUri(String uri) {
    this.requestUri = uri;
    this.uri = null;
  }

  void setReason(String reason) {
    this.reason = reason;
  }

  /** Puts {@code value} above the other {@code name} fields (or at the top when there are none). */
  void addFirst(String name, String value) {
    int at = 0;
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).name.equals(name)) {
        at = i;
        break;
      }
    }
    fields.add(at, new Field(name, value));
    changed(name);
  }

  /** Removes the first {@code name} field; false when there was none. */
  boolean removeFirst(String name) {
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).name.equals(name)) {
        fields.remove(i);
        changed(name);
        return true;
      }
    }
    return false;
  }

  /** Replaces the first {@code name} field's value, or adds the field at the end. */
  void set(String name, String value) {
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).name.equalsIgnoreCase(name)) {
        fields.set(i, new Field(fields.get(i).name, value));
        changed(name);
        return;
      }
    }
    fields.add(new Field(name, value));
    changed(name);
  }

  /** Adds a field at the end. */
  void add(String name, String value) {
    fields.add(new Field(name, value));
    changed(name);
  }

  /** Removes every {@code name} field. */
  void removeAll(String name) {
    fields.removeIf(f -> f.name.equalsIgnoreCase(name));
    changed(name);
  }

  /** Drops what was parsed from the {@code name} field, so that it is read again from the edited field. */
  private void changed(String name) {
    switch (name) {
      case "Via" -> topVia = null;
      case "From" -> from = null;
      case "To" -> to = null;
      default -> { }
    }
  }

  /**
   * A response to this request (RFC 3261 8.2.6): its Via fields, From, To, Call-ID and CSeq;
   * {@code toTag} goes on To when To has none.
   */
  SipMessage response(int code, String toTag) {
    ArrayList<Field> copied = new ArrayList<>(8);
    for (Field f : fields) {
      switch (f.name) {
        case "Via", "From", "Call-ID", "CSeq" -> copied.add(f);
        case "To" -> copied.add(toTag != null && NameAddr.tagOf(f.value) == null
            ? new Field("To", f.value + ";tag=" + toTag) : f);
        default -> { }
      }
    }
    SipMessage response = new SipMessage(null, null, code, REASONS.getOrDefault(code, "Status " + code), copied, new byte[0]);
    response.topVia = topVia;
    return response;
  }

  /** The message as sent: start line, fields, a Content-Length of the body, blank line, body. */
  byte[] bytes() {
    StringBuilder s = new StringBuilder(512);
    if (method != null) {
      s.append(method).append(' ').append(requestUri).append(" SIP/2.0\r\n");
    } else {
      s.append("SIP/2.0 ").append(status).append(' ').append(reason).append("\r\n");
    }
    for (Field f : fields) {
      if (!f.name.equals("Content-Length")) {
        s.append(f.name).append(": ").append(f.value).append("\r\n");
      }
    }
    s.append("Content-Length: ").append(body.length).append("\r\n\r\n");
    byte[] head = s.toString().getBytes(StandardCharsets.ISO_8859_1);
    if (body.length == 0) {
      return head;
    }
    byte[] all = new byte[head.length + body.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(body, 0, all, head.length, body.length);
    return all;
  }

  @Override
  public String toString() {
    return new String(bytes(), StandardCharsets.ISO_8859_1);
  }
}
