package org.dunshield.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Via header values ({@link Via}): parsing, what a server stamps on them, where a response goes. */
class ViaTest {

  @Test
  void parsesTransportSentByAndParameters() {
    Via via = Via.parse("SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK-abc;rport");

    assertThat(via.transport()).isEqualTo("UDP");
    assertThat(via.host()).isEqualTo("192.0.2.1");
    assertThat(via.port()).isEqualTo(5060);
    assertThat(via.params()).isEqualTo(";branch=z9hG4bK-abc;rport");
    assertThat(via.branch()).isEqualTo("z9hG4bK-abc");
    assertThat(via.rfc3261()).isTrue();
    assertThat(via.sentBy()).isEqualTo("192.0.2.1:5060");
    assertThat(via).hasToString("SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK-abc;rport");
    assertThat(Via.parse(via.toString())).isEqualTo(via);
  }

  @Test
  void aLowerCaseTransportAndSpacesAroundTheSeparatorsAreTaken() {
    Via via = Via.parse("  SIP / 2.0 / tcp   Proxy.Example.com ; branch=z9hG4bK-1 ;received=192.0.2.7 ");

    assertThat(via.transport()).isEqualTo("TCP");
    assertThat(via.host()).isEqualTo("Proxy.Example.com");
    assertThat(via.port()).isEqualTo(-1);
    assertThat(via.params()).isEqualTo(";branch=z9hG4bK-1;received=192.0.2.7");
    assertThat(via.sentBy()).as("lower case, default port").isEqualTo("proxy.example.com:5060");
    assertThat(via).hasToString("SIP/2.0/TCP Proxy.Example.com;branch=z9hG4bK-1;received=192.0.2.7");
  }

  @Test
  void aTabAfterTheTransportIsWhitespaceToo() {
    assertThat(Via.parse("SIP/2.0/UDP\th.example.com;branch=z9hG4bK-1").host()).isEqualTo("h.example.com");
  }

  @Test
  void anIpv6SentBy() {
    Via via = Via.parse("SIP/2.0/UDP [2001:db8::9]:5070;branch=z9hG4bK-6");

    assertThat(via.host()).isEqualTo("[2001:db8::9]");
    assertThat(via.port()).isEqualTo(5070);
    assertThat(via.sentBy()).isEqualTo("[2001:db8::9]:5070");
  }

  @Test
  void anRfc2543BranchIsNoTransactionId() {
    assertThat(Via.parse("SIP/2.0/UDP h;branch=1234").rfc3261()).isFalse();
    assertThat(Via.parse("SIP/2.0/UDP h").rfc3261()).isFalse();
    assertThat(Via.parse("SIP/2.0/UDP h").branch()).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "SIP/2.0", "SIP/2.0/UDP", "SIP/2.0/UDP ", "SIP/3.0/UDP h", "SOP/2.0/UDP h",
      "UDP h:5060", "SIP/2.0/UDP h:port", "SIP/2.0/UDP h:70000", "SIP/2.0/UDP h;a\"b",
      "SIP/2.0/UDP [::1", "SIP/2.0/U-P h", "SIP/2.0/UDP a@b", "SIP/2.0/UDP a@b:5060;branch=z9hG4bK1",
      "SIP/2.0/UDP h?x=1"})
  void aBrokenViaIsRefused(String value) {
    assertThatThrownBy(() -> Via.parse(value)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Via");
  }

  // ---- params

  @Test
  void paramFindsValuesFlagsAndNothingElse() {
    String params = ";branch=z9hG4bK-1;lr;TTL=16;branchx=no;maddr=239.1.1.1";

    assertThat(Via.param(params, "branch")).isEqualTo("z9hG4bK-1");
    assertThat(Via.param(params, "lr")).isEmpty();
    assertThat(Via.param(params, "ttl")).as("names in any case").isEqualTo("16");
    assertThat(Via.param(params, "branchx")).isEqualTo("no");
    assertThat(Via.param(params, "maddr")).isEqualTo("239.1.1.1");
    assertThat(Via.param(params, "bran")).as("a prefix is not a name").isNull();
    assertThat(Via.param(params, "received")).isNull();
    assertThat(Via.param("", "branch")).isNull();
  }

  @Test
  void paramDoesNotMistakeAValueForAName() {
    assertThat(Via.param(";x=rport;y=1", "rport")).isNull();
    assertThat(Via.param(";x=a;rport", "rport")).isEmpty();
  }

  // ---- received / rport

  @Test
  void aViaFromTheAddressItNamesIsKept() {
    Via via = Via.parse("SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK-1");

    assertThat(via.receivedFrom("192.0.2.1", 40000)).isSameAs(via);
  }

  @Test
  void anotherSourceAddressIsAddedAsReceived() {
    Via via = Via.parse("SIP/2.0/UDP pbx.example.com:5060;branch=z9hG4bK-1");

    Via stamped = via.receivedFrom("203.0.113.9", 5060);

    assertThat(stamped.params()).isEqualTo(";branch=z9hG4bK-1;received=203.0.113.9");
    assertThat(stamped.host()).isEqualTo("pbx.example.com");
    assertThat(stamped.replyHost()).isEqualTo("203.0.113.9");
    assertThat(stamped.replyPort()).as("no rport asked: the sent-by port").isEqualTo(5060);
    assertThat(Via.parse(stamped.toString())).isEqualTo(stamped);
  }

  @Test
  void anRportRequestIsFilledEvenFromTheNamedAddress() {
    Via via = Via.parse("SIP/2.0/UDP 192.0.2.1:5060;rport;branch=z9hG4bK-1");

    Via stamped = via.receivedFrom("192.0.2.1", 40123);

    assertThat(stamped.params()).isEqualTo(";branch=z9hG4bK-1;received=192.0.2.1;rport=40123");
    assertThat(stamped.replyHost()).isEqualTo("192.0.2.1");
    assertThat(stamped.replyPort()).isEqualTo(40123);
  }

  @Test
  void anRportRequestBehindNatGetsBoth() {
    Via stamped = Via.parse("SIP/2.0/UDP 10.0.0.5:5060;branch=z9hG4bK-1;rport").receivedFrom("198.51.100.20", 61000);

    assertThat(stamped.replyHost()).isEqualTo("198.51.100.20");
    assertThat(stamped.replyPort()).isEqualTo(61000);
    assertThat(stamped).hasToString("SIP/2.0/UDP 10.0.0.5:5060;branch=z9hG4bK-1;received=198.51.100.20;rport=61000");
  }

  @Test
  void anOldReceivedIsReplacedNotRepeated() {
    Via via = Via.parse("SIP/2.0/UDP 10.0.0.5:5060;received=192.0.2.99;branch=z9hG4bK-1");

    Via stamped = via.receivedFrom("198.51.100.20", 5060);

    assertThat(stamped.params()).isEqualTo(";branch=z9hG4bK-1;received=198.51.100.20");
  }

  @Test
  void anIpv6SentByMatchesItsSourceAddress() {
    Via via = Via.parse("SIP/2.0/UDP [2001:db8::1]:5060;branch=z9hG4bK-1");

    assertThat(via.receivedFrom("2001:db8::1", 5060)).isSameAs(via);
  }

  @Test
  void replyGoesToSentByWithoutReceivedOrRport() {
    assertThat(Via.parse("SIP/2.0/UDP h.example.com;branch=z9hG4bK-1").replyHost()).isEqualTo("h.example.com");
    assertThat(Via.parse("SIP/2.0/UDP h.example.com;branch=z9hG4bK-1").replyPort()).isEqualTo(5060);
    assertThat(Via.parse("SIP/2.0/UDP h.example.com:5080;rport").replyPort()).as("an unfilled rport")
        .isEqualTo(5080);
    assertThat(Via.parse("SIP/2.0/UDP h:5080;rport=x1").replyPort()).as("an unreadable rport").isEqualTo(5080);
    assertThat(Via.parse("SIP/2.0/UDP h:5080;received").replyHost()).as("an empty received").isEqualTo("h");
  }
}
