package org.dunshield.sip;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Broken SIP gets 400 Bad Request where it names a sender to answer, and the service keeps serving. */
class MalformedSipIT extends WithLocalService {
  private RawSip sip;
  private long failuresBefore;

  @BeforeEach
  void socket() {
    sip = new RawSip(service.config().listen().port());
    failuresBefore = service.metrics().failures();
  }

  @AfterEach
  void close() {
    assertThat(sip.answersPing("after-" + System.nanoTime())).as("the service still answers").isTrue();
    assertThat(service.metrics().failures()).as("no request failed inside the service").isEqualTo(failuresBefore);
    sip.close();
  }

  private String answerTo(String message, String callId) {
    sip.send(message);
    return sip.receive("Call-ID: " + callId, 3000);
  }

  @Test
  void anInviteWithoutContactGets400() {
    String invite = sip.request("INVITE", "sip:13800138000@127.0.0.1", "no-contact")
        .replaceFirst("Contact: [^\r]*\r\n", "");
    assertThat(answerTo(invite, "no-contact")).startsWith("SIP/2.0 400");
  }

  @Test
  void aRequestWithoutCSeqIsDroppedSinceNoAnswerCouldNameIt() {
    String invite = sip.request("INVITE", "sip:13800138000@127.0.0.1", "no-cseq").replace("CSeq: 1 INVITE\r\n", "");
    assertThat(answerTo(invite, "no-cseq")).isNull();
  }

  @Test
  void anUnreadableCSeqGets400() {
    String invite = sip.request("INVITE", "sip:13800138000@127.0.0.1", "bad-cseq").replace("CSeq: 1 INVITE", "CSeq: one INVITE");
    assertThat(answerTo(invite, "bad-cseq")).startsWith("SIP/2.0 400");
  }

  @Test
  void aBrokenFromGets400() {
    String invite = sip.request("INVITE", "sip:13800138000@127.0.0.1", "bad-from")
        .replaceFirst("From: <sip:[^>]*>", "From: <sip:13912345678@@>>");
    assertThat(answerTo(invite, "bad-from")).startsWith("SIP/2.0 400");
  }

  @Test
  void aBrokenRequestUriGets400() {
    String invite = sip.request("INVITE", "sip:13800138000@127.0.0.1", "bad-uri")
        .replace("INVITE sip:13800138000@127.0.0.1 SIP/2.0", "INVITE sip:13800138000@@127.0.0.1:x SIP/2.0");
    assertThat(answerTo(invite, "bad-uri")).startsWith("SIP/2.0 400");
  }

  @Test
  void garbageThatNamesNoSenderIsDropped() {
    sip.send(new byte[] {0, 1, 2, 3, (byte) 0xff, '\r', '\n', '\r', '\n'});
    sip.send("INVITE\r\n\r\n");
    sip.send("SIP/2.0 200 OK\r\nVia: nonsense\r\n\r\n");
    assertThat(sip.receive("SIP/2.0", 500)).isNull();
  }

  @Test
  void anOversizedDatagramIsRefusedWithoutHarm() {
    String big = sip.request("INVITE", "sip:13800138000@127.0.0.1", "huge", "X-Filler: " + "a".repeat(60_000));
    sip.send(big);
    String answer = sip.receive("Call-ID: huge", 2000);
    assertThat(answer == null || answer.startsWith("SIP/2.0 ")).isTrue();
  }
}
