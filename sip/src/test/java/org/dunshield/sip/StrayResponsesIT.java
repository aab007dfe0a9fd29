package org.dunshield.sip;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Responses that match no transaction (a callee's 200 OK retransmitted after the INVITE transaction
 * ended) are relayed statelessly towards the caller, minus the service's Via (RFC 3261 16.7), when
 * the service's Via is on top; others are dropped (18.1.2).
 */
class StrayResponsesIT extends WithLocalService {
  private RawSip callee;
  private RawSip caller;

  @BeforeEach
  void sockets() {
    callee = new RawSip(service.config().listen().port());
    caller = new RawSip(service.config().listen().port());
  }

  @AfterEach
  void close() {
    assertThat(service.metrics().failures()).as("nothing failed inside the service").isZero();
    callee.close();
    caller.close();
  }

  /** A 200 OK as the callee sends it: the service's Via on top, the caller's below. */
  private String ok(String callId, String ourBranch) {
    int us = service.config().listen().port();
    return "SIP/2.0 200 OK\r\n"
        + "Via: SIP/2.0/UDP 127.0.0.1:" + us + ";branch=" + ourBranch + "\r\n"
        + "Via: SIP/2.0/UDP 127.0.0.1:" + caller.port() + ";branch=z9hG4bK-caller-" + callId + "\r\n"
        + "From: <sip:13912345678@127.0.0.1>;tag=from-" + callId + "\r\n"
        + "To: <sip:13800138000@127.0.0.1>;tag=to-" + callId + "\r\n"
        + "Call-ID: " + callId + "\r\n"
        + "CSeq: 1 INVITE\r\n"
        + "Contact: <sip:13800138000@127.0.0.1:" + callee.port() + ">\r\n"
        + "Content-Length: 0\r\n\r\n";
  }

  @Test
  void aRetransmitted200WithNoTransactionLeftReachesTheCallerWithoutOurVia() {
    long before = service.metrics().strayResponses();
    callee.send(ok("late-ok", "z9hG4bK-ended-late-ok"));

    String relayed = caller.receive("Call-ID: late-ok", 3000);

    assertThat(relayed).startsWith("SIP/2.0 200 OK");
    assertThat(relayed).contains("branch=z9hG4bK-caller-late-ok").doesNotContain("z9hG4bK-ended-late-ok");
    assertThat(service.metrics().strayResponses()).isEqualTo(before + 1);
    assertThat(service.metrics().prometheus()).contains("dunshield_sip_stray_responses_total " + (before + 1));
  }

  @Test
  void everyOneOfABurstOfStrayResponsesIsRelayed() {
    long before = service.metrics().strayResponses();
    // the caller reads while the burst goes out, as a phone does: 200 relayed datagrams left unread
    // would overflow a test socket's default receive buffer, which is not what is under test
    java.util.concurrent.CompletableFuture<Integer> relayed = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
      int count = 0;
      while (caller.receive("Call-ID: burst-", 3000) != null) {
        count++;
      }
      return count;
    });
    for (int i = 0; i < 200; i++) {
      callee.send(ok("burst-" + i, "z9hG4bK-ended-burst-" + i));
    }
    assertThat(relayed.join()).isEqualTo(200);
    assertThat(service.metrics().strayResponses()).isEqualTo(before + 200);
  }

  @Test
  void aResponseWithAnRfc2543BranchIsRelayedToo() {
    long before = service.metrics().strayResponses();
    callee.send(ok("old-peer", "old-style-branch-1"));

    String relayed = caller.receive("Call-ID: old-peer", 3000);

    assertThat(relayed).startsWith("SIP/2.0 200 OK").doesNotContain("old-style-branch-1");
    assertThat(service.metrics().strayResponses()).isEqualTo(before + 1);
  }

  @Test
  void aResponseWhoseTopViaIsNotOursIsDropped() {
    long before = service.metrics().strayResponses();
    callee.send(ok("not-ours", "z9hG4bK-x").replace("Via: SIP/2.0/UDP 127.0.0.1:" + service.config().listen().port(),
        "Via: SIP/2.0/UDP 192.0.2.1:5060"));

    assertThat(caller.receive("Call-ID: not-ours", 1000)).isNull();
    assertThat(service.metrics().strayResponses()).isEqualTo(before);
  }
}
