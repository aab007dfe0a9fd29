package org.dunshield.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Parsing, checking, editing and writing SIP messages ({@link SipMessage}). */
class SipMessageTest {
  private static final String INVITE = "INVITE sip:13800138000@example.com SIP/2.0\r\n"
      + "Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK-1\r\n"
      + "Max-Forwards: 70\r\n"
      + "From: \"Alice\" <sip:13912345678@example.com>;tag=a1\r\n"
      + "To: <sip:13800138000@example.com>\r\n"
      + "Call-ID: call-1@192.0.2.1\r\n"
      + "CSeq: 7 INVITE\r\n"
      + "Contact: <sip:13912345678@192.0.2.1:5060>\r\n"
      + "Content-Type: application/sdp\r\n"
      + "Content-Length: 4\r\n"
      + "\r\n"
      + "abcd";

  private static final String RINGING = "SIP/2.0 180 Ringing\r\n"
      + "Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK-1\r\n"
      + "From: <sip:13912345678@example.com>;tag=a1\r\n"
      + "To: <sip:13800138000@example.com>;tag=b2\r\n"
      + "Call-ID: call-1@192.0.2.1\r\n"
      + "CSeq: 7 INVITE\r\n"
      + "Content-Length: 0\r\n"
      + "\r\n";

  private static SipMessage parse(String text) throws SipMessage.Malformed {
    return parse(text.getBytes(StandardCharsets.UTF_8));
  }

  private static SipMessage parse(byte[] bytes) throws SipMessage.Malformed {
    return SipMessage.parse(bytes, 0, bytes.length);
  }

  private static SipMessage.Malformed rejection(String text) {
    SipMessage.Malformed problem = catchThrowableOfType(SipMessage.Malformed.class, () -> parse(text));
    assertThat(problem).as("rejects:%n%s", text).isNotNull();
    return problem;
  }

  private static String text(SipMessage message) {
    return new String(message.bytes(), StandardCharsets.ISO_8859_1);
  }

  // ---- parsing

  @Test
  void parsesARequest() throws Exception {
    SipMessage m = parse(INVITE);

    assertThat(m.isRequest()).isTrue();
    assertThat(m.method()).isEqualTo("INVITE");
    assertThat(m.requestUri()).isEqualTo("sip:13800138000@example.com");
    assertThat(m.callId()).isEqualTo("call-1@192.0.2.1");
    assertThat(m.cseqNumber()).isEqualTo(7);
    assertThat(m.cseqMethod()).isEqualTo("INVITE");
    assertThat(m.fromTag()).isEqualTo("a1");
    assertThat(m.toTag()).isNull();
    assertThat(m.first("Max-Forwards")).isEqualTo("70");
    assertThat(m.first("content-type")).as("names match case-insensitively").isEqualTo("application/sdp");
    assertThat(m.topVia().branch()).isEqualTo("z9hG4bK-1");
    assertThat(m.topVia().host()).isEqualTo("192.0.2.1");
    assertThat(m.body()).isEqualTo("abcd".getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void parsesAResponse() throws Exception {
    SipMessage m = parse(RINGING);

    assertThat(m.isRequest()).isFalse();
    assertThat(m.method()).isNull();
    assertThat(m.status()).isEqualTo(180);
    assertThat(m.toTag()).isEqualTo("b2");
    assertThat(m.cseqMethod()).isEqualTo("INVITE");
    assertThat(m.body()).isEmpty();
    assertThat(text(m)).startsWith("SIP/2.0 180 Ringing\r\n");
  }

  @Test
  void leadingBlankLinesAndBareLineFeedsAreTaken() throws Exception {
    SipMessage m = parse("\r\n\r\n" + INVITE.replace("\r\n", "\n"));

    assertThat(m.method()).isEqualTo("INVITE");
    assertThat(m.first("Contact")).isEqualTo("<sip:13912345678@192.0.2.1:5060>");
    assertThat(m.body()).isEqualTo("abcd".getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void compactNamesAreReadAsTheirFullNames() throws Exception {
    String compact = INVITE.replace("Via:", "v:").replace("From:", "f:").replace("To:", "t:")
        .replace("Call-ID:", "i:").replace("Contact:", "m:").replace("Content-Length:", "l:")
        .replace("Content-Type:", "c:");

    SipMessage m = parse(compact);

    assertThat(m.first("Via")).isEqualTo("SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK-1");
    assertThat(m.first("From")).isEqualTo("\"Alice\" <sip:13912345678@example.com>;tag=a1");
    assertThat(m.first("To")).isEqualTo("<sip:13800138000@example.com>");
    assertThat(m.callId()).isEqualTo("call-1@192.0.2.1");
    assertThat(m.first("Contact")).isEqualTo("<sip:13912345678@192.0.2.1:5060>");
    assertThat(m.first("Content-Type")).isEqualTo("application/sdp");
    assertThat(m.body()).isEqualTo("abcd".getBytes(StandardCharsets.US_ASCII));
    assertThat(text(m)).contains("\r\nVia: ", "\r\nFrom: ", "\r\nTo: ", "\r\nCall-ID: ", "\r\nContact: ",
        "\r\nContent-Length: 4\r\n").doesNotContain("\r\nv:", "\r\nf:", "\r\nl:");
  }

  @Test
  void compactNamesAreCaseInsensitiveToo() throws Exception {
    SipMessage m = parse(INVITE.replace("Via:", "V:").replace("Call-ID:", "I:").replace("Content-Length:", "L:"));

    assertThat(m.first("Via")).startsWith("SIP/2.0/UDP");
    assertThat(m.callId()).isEqualTo("call-1@192.0.2.1");
    assertThat(m.body()).hasSize(4);
  }

  @Test
  void foldedLinesJoinTheirHeader() throws Exception {
    SipMessage m = parse(INVITE.replace("Max-Forwards: 70\r\n",
        "Max-Forwards: 70\r\nSubject: I know\r\n   you are\r\n\tthere\r\n"));

    assertThat(m.first("Subject")).isEqualTo("I know you are there");
    assertThat(m.first("Max-Forwards")).isEqualTo("70");
    assertThat(m.first("To")).isEqualTo("<sip:13800138000@example.com>");
  }

  /** RFC 3261 7.3.1 and 25.1: HCOLON is followed by SWS, which may be a line fold. */
  @Test
  void aValueFoldedRightAfterTheColonStartsWithItsFirstCharacter() throws Exception {
    SipMessage m = parse(INVITE.replace("Call-ID: call-1@192.0.2.1", "Call-ID:\r\n call-1@192.0.2.1")
        .replace("CSeq: 7 INVITE", "CSeq:\r\n\t7 INVITE")
        .replace("To: <sip:", "To:\r\n <sip:"));

    assertThat(m.callId()).isEqualTo("call-1@192.0.2.1");
    assertThat(m.first("CSeq")).isEqualTo("7 INVITE");
    assertThat(m.first("To")).isEqualTo("<sip:13800138000@example.com>");
  }

  /** RFC 4475 3.1.1.1 (the short tortuous INVITE) carries {@code Max-Forwards: 0068}; 1*DIGIT allows it. */
  @Test
  void maxForwardsWithLeadingZerosIsTaken() throws Exception {
    SipMessage m = parse(INVITE.replace("Max-Forwards: 70", "MaX-fOrWaRdS: 0068"));

    assertThat(m.first("Max-Forwards")).isEqualTo("0068");
  }

  @Test
  void aFoldedViaListIsSplitLikeAnyOther() throws Exception {
    SipMessage m = parse(INVITE.replace("Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK-1\r\n",
        "Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK-1,\r\n SIP/2.0/TCP 192.0.2.2:5070;branch=z9hG4bK-2\r\n"));

    assertThat(m.all("Via")).containsExactly("SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK-1",
        "SIP/2.0/TCP 192.0.2.2:5070;branch=z9hG4bK-2");
  }

  @Test
  void aContinuationLineBeforeAnyHeaderIsRejected() {
    SipMessage.Malformed problem = rejection(INVITE.replace("SIP/2.0\r\nVia:", "SIP/2.0\r\n folded\r\nVia:"));

    assertThat(problem).hasMessageContaining("continuation");
    assertThat(problem.answerable()).as("the rest of the request names where to answer").isNotNull();
  }

  @Test
  void commaSeparatedViaRouteAndRecordRouteBecomeOneFieldEach() throws Exception {
    SipMessage m = parse(INVITE.replace("Max-Forwards: 70\r\n", "Max-Forwards: 70\r\n"
        + "Via: SIP/2.0/UDP 192.0.2.2:5060;branch=z9hG4bK-2 , SIP/2.0/UDP 192.0.2.3;branch=z9hG4bK-3\r\n"
        + "Route: <sip:p1.example.com;lr>,<sip:p2.example.com;lr>\r\n"
        + "Record-Route: \"Proxy, one\" <sip:rr1.example.com;lr>, <sip:rr2.example.com;lr>\r\n"
        + "Supported: timer, 100rel\r\n"));

    assertThat(m.all("Via")).containsExactly("SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK-1",
        "SIP/2.0/UDP 192.0.2.2:5060;branch=z9hG4bK-2", "SIP/2.0/UDP 192.0.2.3;branch=z9hG4bK-3");
    assertThat(m.all("Route")).containsExactly("<sip:p1.example.com;lr>", "<sip:p2.example.com;lr>");
    assertThat(m.all("Record-Route")).as("a comma inside quotes does not split")
        .containsExactly("\"Proxy, one\" <sip:rr1.example.com;lr>", "<sip:rr2.example.com;lr>");
    assertThat(m.all("Supported")).as("other headers keep their lists").containsExactly("timer, 100rel");
    assertThat(text(m)).contains("Via: SIP/2.0/UDP 192.0.2.2:5060;branch=z9hG4bK-2\r\n"
        + "Via: SIP/2.0/UDP 192.0.2.3;branch=z9hG4bK-3\r\n");
  }

  @Test
  void extraBytesAfterTheDeclaredBodyAreIgnored() throws Exception {
    SipMessage m = parse(INVITE + "EXTRA-BYTES");

    assertThat(m.body()).isEqualTo("abcd".getBytes(StandardCharsets.US_ASCII));
    assertThat(text(m)).endsWith("Content-Length: 4\r\n\r\nabcd");
  }

  @Test
  void withoutContentLengthTheDatagramsRestIsTheBody() throws Exception {
    SipMessage m = parse(INVITE.replace("Content-Length: 4\r\n", ""));

    assertThat(m.body()).isEqualTo("abcd".getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void aDeclaredLengthLongerThanTheBodyIsMalformed() {
    SipMessage.Malformed problem = rejection(INVITE.replace("Content-Length: 4", "Content-Length: 40"));

    assertThat(problem).hasMessageContaining("Content-Length 40");
    assertThat(problem.answerable()).as("a request that names its sender gets a 400").isNotNull();
    assertThat(problem.answerable().callId()).isEqualTo("call-1@192.0.2.1");
  }

  @Test
  void aResponseWithALongerDeclaredLengthIsMalformedAndUnanswerable() {
    SipMessage.Malformed problem = rejection(RINGING.replace("Content-Length: 0", "Content-Length: 9"));

    assertThat(problem.answerable()).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "four", "1234567890"})
  void anUnreadableContentLengthIsMalformed(String length) {
    SipMessage.Malformed problem = rejection(INVITE.replace("Content-Length: 4", "Content-Length: " + length));

    assertThat(problem).hasMessageContaining("Content-Length");
  }

  // ---- writing

  @Test
  void bytesRoundTripKeepsEveryHeaderValue() throws Exception {
    String original = INVITE.replace("Max-Forwards: 70\r\n", "Max-Forwards: 70\r\n"
        + "Route: <sip:p1.example.com;lr>, <sip:p2.example.com;lr>\r\n"
        + "X-Custom:   spaced value  \r\n"
        + "Subject: folded\r\n line\r\n");
    SipMessage first = parse(original + "trailing");
    SipMessage second = parse(first.bytes());

    for (String name : new String[] {"Via", "Max-Forwards", "Route", "X-Custom", "Subject", "From", "To", "Call-ID",
        "CSeq", "Contact", "Content-Type", "Content-Length"}) {
      assertThat(second.all(name)).as(name).isEqualTo(first.all(name));
    }
    assertThat(second.first("X-Custom")).isEqualTo("spaced value");
    assertThat(second.first("Subject")).isEqualTo("folded line");
    assertThat(second.requestUri()).isEqualTo(first.requestUri());
    assertThat(second.body()).isEqualTo(first.body());
    assertThat(second.bytes()).as("writing is a fixed point").isEqualTo(first.bytes());
  }

  @Test
  void contentLengthIsWrittenOnceFromTheBody() throws Exception {
    SipMessage declaredCompact = parse(INVITE.replace("Content-Length: 4", "l: 4") + "zz");
    SipMessage undeclared = parse(INVITE.replace("Content-Length: 4\r\n", ""));
    SipMessage response = parse(RINGING.replace("Content-Length: 0\r\n", ""));

    assertThat(text(declaredCompact)).endsWith("\r\nContent-Length: 4\r\n\r\nabcd");
    assertThat(text(declaredCompact).split("Content-Length", -1)).hasSize(2);
    assertThat(text(undeclared)).endsWith("\r\nContent-Length: 4\r\n\r\nabcd");
    assertThat(text(response)).endsWith("\r\nContent-Length: 0\r\n\r\n");
  }

  @Test
  void aNewRequestIsWrittenWithTheFieldsAdded() throws Exception {
    SipMessage ack = SipMessage.request("ACK", "sip:13800138000@192.0.2.9:5060");
    ack.add("Via", "SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK-1");
    ack.add("From", "<sip:a@example.com>;tag=1");
    ack.add("To", "<sip:b@example.com>;tag=2");
    ack.add("Call-ID", "c");
    ack.add("CSeq", "1 ACK");

    assertThat(text(ack)).isEqualTo("ACK sip:13800138000@192.0.2.9:5060 SIP/2.0\r\n"
        + "Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK-1\r\n"
        + "From: <sip:a@example.com>;tag=1\r\n"
        + "To: <sip:b@example.com>;tag=2\r\n"
        + "Call-ID: c\r\n"
        + "CSeq: 1 ACK\r\n"
        + "Content-Length: 0\r\n\r\n");
    assertThat(parse(ack.bytes()).method()).isEqualTo("ACK");
  }

  // ---- responses

  @Test
  void aResponseCopiesTheFieldsThatMatchItToTheRequest() throws Exception {
    SipMessage invite = parse(INVITE.replace("Max-Forwards: 70\r\n",
        "Via: SIP/2.0/UDP 192.0.2.2:5060;branch=z9hG4bK-2\r\nMax-Forwards: 70\r\n"));

    SipMessage busy = invite.response(486, "srv");

    assertThat(busy.isRequest()).isFalse();
    assertThat(busy.status()).isEqualTo(486);
    assertThat(busy.all("Via")).isEqualTo(invite.all("Via"));
    assertThat(busy.first("From")).isEqualTo(invite.first("From"));
    assertThat(busy.first("To")).isEqualTo("<sip:13800138000@example.com>;tag=srv");
    assertThat(busy.callId()).isEqualTo(invite.callId());
    assertThat(busy.first("CSeq")).isEqualTo("7 INVITE");
    assertThat(busy.first("Contact")).isNull();
    assertThat(busy.first("Max-Forwards")).isNull();
    assertThat(busy.first("Content-Type")).isNull();
    assertThat(busy.body()).isEmpty();
    assertThat(busy.topVia().branch()).isEqualTo("z9hG4bK-1");
    assertThat(text(busy)).startsWith("SIP/2.0 486 Busy Here\r\n").endsWith("Content-Length: 0\r\n\r\n");
    SipMessage reparsed = parse(busy.bytes());
    assertThat(reparsed.status()).isEqualTo(486);
    assertThat(reparsed.toTag()).isEqualTo("srv");
  }

  @Test
  void aResponseKeepsAToTagThatIsThere() throws Exception {
    SipMessage reInvite = parse(INVITE.replace("To: <sip:13800138000@example.com>",
        "To: <sip:13800138000@example.com>;tag=callee"));

    assertThat(reInvite.response(200, "srv").first("To")).isEqualTo("<sip:13800138000@example.com>;tag=callee");
  }

  @Test
  void aResponseWithoutTagGetsNone() throws Exception {
    SipMessage trying = parse(INVITE).response(100, null);

    assertThat(trying.first("To")).isEqualTo("<sip:13800138000@example.com>");
    assertThat(text(trying)).startsWith("SIP/2.0 100 Trying\r\n");
  }

  @Test
  void theReasonCanBeReplaced() throws Exception {
    SipMessage bad = parse(INVITE).response(400, "x");
    bad.setReason("Bad Request (missing Contact)");

    assertThat(text(bad)).startsWith("SIP/2.0 400 Bad Request (missing Contact)\r\n");
  }

  // ---- editing

  @Test
  void addFirstPutsAFieldAboveTheOthersOfItsName() throws Exception {
    SipMessage m = parse(INVITE);

    m.addFirst("Via", "SIP/2.0/UDP 198.51.100.1:5060;branch=z9hG4bK-proxy");

    assertThat(m.all("Via")).containsExactly("SIP/2.0/UDP 198.51.100.1:5060;branch=z9hG4bK-proxy",
        "SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK-1");
    assertThat(m.topVia().branch()).as("the top Via is read again").isEqualTo("z9hG4bK-proxy");
  }

  @Test
  void addFirstOfANewNamePutsItAtTheTop() throws Exception {
    SipMessage m = parse(INVITE);

    m.addFirst("Record-Route", "<sip:198.51.100.1;lr>");

    assertThat(text(m)).startsWith("INVITE sip:13800138000@example.com SIP/2.0\r\nRecord-Route: <sip:198.51.100.1;lr>\r\n");
  }

  @Test
  void removeFirstTakesOnlyTheTopField() throws Exception {
    SipMessage m = parse(INVITE.replace("Max-Forwards: 70\r\n",
        "Via: SIP/2.0/UDP 192.0.2.2:5060;branch=z9hG4bK-2\r\nMax-Forwards: 70\r\n"));
    assertThat(m.topVia().branch()).isEqualTo("z9hG4bK-1");

    assertThat(m.removeFirst("Via")).isTrue();

    assertThat(m.all("Via")).containsExactly("SIP/2.0/UDP 192.0.2.2:5060;branch=z9hG4bK-2");
    assertThat(m.topVia().branch()).isEqualTo("z9hG4bK-2");
    assertThat(m.removeFirst("X-Absent")).isFalse();
  }

  @Test
  void setReplacesInPlaceOrAddsAtTheEnd() throws Exception {
    SipMessage m = parse(INVITE);

    m.set("Max-Forwards", "69");
    m.set("X-Dunshield-Action", "silence");

    String text = text(m);
    assertThat(m.all("Max-Forwards")).containsExactly("69");
    assertThat(text).contains("branch=z9hG4bK-1\r\nMax-Forwards: 69\r\nFrom: ");
    assertThat(text).contains("Content-Type: application/sdp\r\nX-Dunshield-Action: silence\r\nContent-Length: 4\r\n");
  }

  @Test
  void setOfTheViaIsSeenByTopVia() throws Exception {
    SipMessage m = parse(INVITE);
    assertThat(m.topVia().branch()).isEqualTo("z9hG4bK-1");

    m.set("Via", "SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK-1;received=203.0.113.5");

    assertThat(m.topVia().replyHost()).isEqualTo("203.0.113.5");
  }

  @Test
  void aCopyIsEditedApart() throws Exception {
    SipMessage m = parse(INVITE);
    SipMessage copy = m.copy();

    copy.addFirst("Via", "SIP/2.0/UDP 198.51.100.1:5060;branch=z9hG4bK-proxy");
    copy.set("Max-Forwards", "69");
    copy.setRequestUri("sip:13800138000@198.51.100.9:5060");
    copy.removeAll("Contact");

    assertThat(m.all("Via")).hasSize(1);
    assertThat(m.first("Max-Forwards")).isEqualTo("70");
    assertThat(m.requestUri()).isEqualTo("sip:13800138000@example.com");
    assertThat(m.first("Contact")).isNotNull();
    assertThat(copy.first("Contact")).isNull();
    assertThat(m.topVia().branch()).isEqualTo("z9hG4bK-1");
  }

  // ---- rejections

  @ParameterizedTest
  @ValueSource(strings = {"Via", "Call-ID", "CSeq", "From", "To"})
  void aRequestMissingAFieldEveryResponseNeedsIsUnanswerable(String name) {
    String without = INVITE.replaceFirst(name + ": [^\r]*\r\n", "");

    SipMessage.Malformed problem = rejection(without);

    assertThat(problem).hasMessage("missing " + name);
    assertThat(problem.answerable()).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Via", "Call-ID", "CSeq", "From", "To"})
  void aResponseMissingAFieldIsRejected(String name) {
    SipMessage.Malformed problem = rejection(RINGING.replaceFirst(name + ": [^\r]*\r\n", ""));

    assertThat(problem).hasMessage("missing " + name);
    assertThat(problem.answerable()).isNull();
  }

  @Test
  void anUnreadableTopViaIsUnanswerable() {
    SipMessage.Malformed problem = rejection(INVITE.replace("Via: SIP/2.0/UDP", "Via: SIP/9/UDP"));

    assertThat(problem.answerable()).isNull();
  }

  /** The broken requests a 400 can still answer, each as a replacement in {@link #INVITE}. */
  private static final String[][] ANSWERABLE = {
      {"CSeq: 7 INVITE", "CSeq: seven INVITE", "bad CSeq"},
      {"CSeq: 7 INVITE", "CSeq: 7", "bad CSeq"},
      {"CSeq: 7 INVITE", "CSeq: 99999999999 INVITE", "bad CSeq"},
      {"CSeq: 7 INVITE", "CSeq: 7 BYE", "bad CSeq"},
      {"From: \"Alice\" <sip:13912345678@example.com>;tag=a1", "From: <sip:13912345678@@example.com>;tag=a1", "bad From"},
      {"From: \"Alice\" <sip:13912345678@example.com>;tag=a1", "From: \"Alice <sip:13912345678@example.com>", "bad From"},
      {"To: <sip:13800138000@example.com>", "To: <sip:13800138000@example.com", "bad To"},
      {"INVITE sip:13800138000@example.com SIP/2.0", "INVITE sip:13800138000@@example.com:x SIP/2.0", "bad Request-URI"},
      {"INVITE sip:13800138000@example.com SIP/2.0", "INVITE http://example.com/ SIP/2.0", "bad Request-URI"},
      {"INVITE sip:13800138000@example.com SIP/2.0", "INVITE sip:13800138000@example.com SIP/3.0", "unsupported version"},
      {"Contact: <sip:13912345678@192.0.2.1:5060>\r\n", "", "an INVITE needs a Contact"},
      {"Contact: <sip:13912345678@192.0.2.1:5060>", "Contact: <sip:13912345678@@192.0.2.1>", "bad Contact"},
      {"Max-Forwards: 70", "Max-Forwards: seventy", "bad Max-Forwards"},
      {"Max-Forwards: 70", "Max-Forwards: 1000", "bad Max-Forwards"},
      {"Max-Forwards: 70", "Max-Forwards: -1", "bad Max-Forwards"},
      {"Call-ID: call-1@192.0.2.1", "Call-ID: call 1", "bad Call-ID"},
      {"Max-Forwards: 70", "Max-Forwards: 70\r\nRoute: <sip:p1;lr", "bad Route"},
      {"Max-Forwards: 70", "Max-Forwards: 70\r\nVia: SIP/2.0/UDP", "names no transport"},
  };

  @Test
  void aBrokenRequestThatNamesItsSenderIsAnswerable() {
    for (String[] c : ANSWERABLE) {
      String broken = INVITE.replace(c[0], c[1]);
      assertThat(broken).as("the case %s", Arrays.toString(c)).isNotEqualTo(INVITE);

      SipMessage.Malformed problem = rejection(broken);

      assertThat(problem).as(Arrays.toString(c)).hasMessageContaining(c[2]);
      assertThat(problem.answerable()).as("answerable: %s", Arrays.toString(c)).isNotNull();
      assertThat(problem.answerable().callId()).isIn("call-1@192.0.2.1", "call 1");
    }
  }

  @Test
  void theSameProblemsInAnAckAreNeverAnswerable() {
    String ack = INVITE.replace("INVITE sip:", "ACK sip:").replace("CSeq: 7 INVITE", "CSeq: 7 ACK");
    for (String[] c : ANSWERABLE) {
      String from = c[0].startsWith("INVITE ") ? "ACK " + c[0].substring(7) : c[0].replace(" INVITE", " ACK");
      String to = c[1].startsWith("INVITE ") ? "ACK " + c[1].substring(7) : c[1].replace(" INVITE", " ACK");
      if (c[2].equals("an INVITE needs a Contact") || c[2].equals("bad Contact")) {
        continue; // an ACK needs no Contact
      }
      String broken = ack.replace(from, to);
      assertThat(broken).as("the case %s", Arrays.toString(c)).isNotEqualTo(ack);

      SipMessage.Malformed problem = rejection(broken);

      assertThat(problem.answerable()).as("an ACK is never answered: %s", Arrays.toString(c)).isNull();
    }
  }

  @Test
  void theSameProblemsInAResponseAreNeverAnswerable() {
    String[][] cases = {
        {"CSeq: 7 INVITE", "CSeq: seven INVITE"},
        {"From: <sip:13912345678@example.com>;tag=a1", "From: <sip:13912345678@@example.com>;tag=a1"},
        {"To: <sip:13800138000@example.com>;tag=b2", "To: <sip:13800138000@example.com"},
        {"Call-ID: call-1@192.0.2.1", "Call-ID: call 1"},
        {"CSeq: 7 INVITE", "CSeq: 7 INVITE\r\nMax-Forwards: lots"},
    };
    for (String[] c : cases) {
      SipMessage.Malformed problem = rejection(RINGING.replace(c[0], c[1]));
      assertThat(problem.answerable()).as(Arrays.toString(c)).isNull();
    }
  }

  @Test
  void aResponseMayCarryAnotherMethodInCSeq() throws Exception {
    assertThat(parse(RINGING.replace("CSeq: 7 INVITE", "CSeq: 7 BYE")).cseqMethod()).isEqualTo("BYE");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "INVITE", "INVITE sip:a@b", "INV(TE sip:a@b SIP/2.0",
      "SIP/2.0 20 OK", "SIP/2.0 700 Odd", "SIP/2.0 099 Low", "SIP/2.0 2000 OK"})
  void anUnreadableStartLineIsUnanswerable(String startLine) {
    SipMessage.Malformed problem = rejection(startLine + RINGING.substring(RINGING.indexOf("\r\n")));

    assertThat(problem.answerable()).isNull();
  }

  @Test
  void anEmptyDatagramIsRejected() {
    assertThat(rejection("\r\n\r\n")).hasMessage("empty");
  }

  @Test
  void aHeaderLineWithoutNameIsAnswerable() {
    SipMessage.Malformed problem = rejection(INVITE.replace("Max-Forwards: 70", ": 70"));

    assertThat(problem).hasMessageContaining("has no name");
    assertThat(problem.answerable()).isNotNull();
  }

  // ---- bytes as they are

  @Test
  void utf8DisplayNamesSurviveByteForByte() throws Exception {
    String from = "From: \"张三 Müller ☎\" <sip:13912345678@example.com>;tag=a1";
    byte[] original = INVITE.replace("From: \"Alice\" <sip:13912345678@example.com>;tag=a1", from)
        .getBytes(StandardCharsets.UTF_8);

    SipMessage m = parse(original);
    byte[] written = m.bytes();
    byte[] answer = m.response(486, "srv").bytes();

    assertThat(written).isEqualTo(original);
    assertThat(new String(written, StandardCharsets.UTF_8)).contains(from);
    assertThat(new String(answer, StandardCharsets.UTF_8)).contains(from);
    assertThat(m.first("From").getBytes(StandardCharsets.ISO_8859_1))
        .isEqualTo(from.substring(6).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aBinaryBodySurvivesByteForByte() throws Exception {
    byte[] body = new byte[256];
    for (int i = 0; i < body.length; i++) {
      body[i] = (byte) i;
    }
    byte[] head = INVITE.replace("Content-Length: 4\r\n\r\nabcd", "Content-Length: 256\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII);
    byte[] message = Arrays.copyOf(head, head.length + body.length);
    System.arraycopy(body, 0, message, head.length, body.length);

    SipMessage m = parse(message);

    assertThat(m.body()).isEqualTo(body);
    assertThat(m.bytes()).isEqualTo(message);
  }

  @Test
  void parsesAMessageInTheMiddleOfABuffer() throws Exception {
    byte[] inner = INVITE.getBytes(StandardCharsets.US_ASCII);
    byte[] buffer = new byte[inner.length + 20];
    Arrays.fill(buffer, (byte) 'x');
    System.arraycopy(inner, 0, buffer, 10, inner.length);

    SipMessage m = SipMessage.parse(buffer, 10, inner.length);

    assertThat(m.bytes()).isEqualTo(inner);
  }
}
