package org.dunshield.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** sip:, sips: and tel: URIs ({@link SipUri}). */
class SipUriTest {

  @Test
  void aSipUriWithUserHostAndNothingElse() {
    SipUri uri = SipUri.parse("sip:alice@example.com");

    assertThat(uri).isEqualTo(new SipUri("sip", "alice", "example.com", -1, "", ""));
    assertThat(uri.isSip()).isTrue();
    assertThat(uri.userOnly()).isEqualTo("alice");
    assertThat(uri).hasToString("sip:alice@example.com");
  }

  @Test
  void aSipsUriWithPortParametersAndHeaders() {
    SipUri uri = SipUri.parse("sips:+8613800138000@10.0.0.1:5061;transport=tcp;lr?subject=call%20me&priority=urgent");

    assertThat(uri.scheme()).isEqualTo("sips");
    assertThat(uri.user()).isEqualTo("+8613800138000");
    assertThat(uri.host()).isEqualTo("10.0.0.1");
    assertThat(uri.port()).isEqualTo(5061);
    assertThat(uri.params()).isEqualTo(";transport=tcp;lr");
    assertThat(uri.headers()).isEqualTo("?subject=call%20me&priority=urgent");
    assertThat(uri.param("transport")).isEqualTo("tcp");
    assertThat(uri.param("lr")).as("a flag").isEmpty();
    assertThat(uri.param("maddr")).isNull();
    assertThat(uri).hasToString("sips:+8613800138000@10.0.0.1:5061;transport=tcp;lr?subject=call%20me&priority=urgent");
  }

  @Test
  void anIpv6HostKeepsItsBrackets() {
    SipUri uri = SipUri.parse("sip:[2001:db8::1]:5070;lr");

    assertThat(uri.user()).isNull();
    assertThat(uri.host()).isEqualTo("[2001:db8::1]");
    assertThat(uri.port()).isEqualTo(5070);
    assertThat(uri).hasToString("sip:[2001:db8::1]:5070;lr");
    assertThat(SipUri.parse("sip:bob@[::1]").port()).isEqualTo(-1);
  }

  @Test
  void aHostAloneIsAUriToo() {
    SipUri uri = SipUri.parse("sip:proxy.example.com:5060");

    assertThat(uri.user()).isNull();
    assertThat(uri.userOnly()).isNull();
    assertThat(uri.port()).isEqualTo(5060);
  }

  @Test
  void aTelUriHasANumberAndNoHost() {
    SipUri uri = SipUri.parse("tel:+86-138-0013-8000;phone-context=+86");

    assertThat(uri.scheme()).isEqualTo("tel");
    assertThat(uri.user()).isEqualTo("+86-138-0013-8000");
    assertThat(uri.host()).isNull();
    assertThat(uri.port()).isEqualTo(-1);
    assertThat(uri.isSip()).isFalse();
    assertThat(uri.param("phone-context")).isEqualTo("+86");
    assertThat(uri.userOnly()).isEqualTo("+86-138-0013-8000");
    assertThat(uri).hasToString("tel:+86-138-0013-8000;phone-context=+86");
  }

  @Test
  void theUserPartDropsPasswordAndUserParameters() {
    assertThat(SipUri.parse("sip:alice:secret@example.com").userOnly()).isEqualTo("alice");
    assertThat(SipUri.parse("sip:13800138000;npdi;rn=+8613900000000@example.com").userOnly()).isEqualTo("13800138000");
    assertThat(SipUri.parse("sip:13800138000;npdi@example.com").user()).isEqualTo("13800138000;npdi");
  }

  @Test
  void escapesAreTakenAsWritten() {
    SipUri uri = SipUri.parse("sip:%61lice@example.com");

    assertThat(uri.user()).isEqualTo("%61lice");
    assertThat(uri).hasToString("sip:%61lice@example.com");
  }

  @Test
  void theSchemeIsReadInAnyCase() {
    SipUri uri = SipUri.parse("SIP:Alice@Example.COM");

    assertThat(uri.scheme()).isEqualTo("sip");
    assertThat(uri.user()).isEqualTo("Alice");
    assertThat(uri.host()).isEqualTo("Example.COM");
    assertThat(SipUri.parse("TEL:+861").scheme()).isEqualTo("tel");
  }

  @Test
  void portsAtTheEdges() {
    assertThat(SipUri.parse("sip:h:0").port()).isZero();
    assertThat(SipUri.parse("sip:h:65535").port()).isEqualTo(65535);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "alice", ":alice", "http://example.com/", "mailto:a@b", "sip:", "sips:", "sip:@example.com",
      "sip:a@b@c", "sip:alice@", "sip:h:", "sip:h:port", "sip:h:-1", "sip:h:65536", "sip:h:123456", "sip:[::1",
      "sip:[]", "sip:[::1]x", "sip:[::1]:", "sip:[::1]:99999", "sip:[fe80::1 ]", "sip:-h", "sip:.h", "sip:h h",
      "sip:h_h", "sip:h;bad param", "sip:h;a\"b", "sip:h?a b", "sip:h?a<b", "sip:a b@h", "sip:a<b@h", "sip:%4@h",
      "sip:%zz@h", "sip:a%@h", "tel:", "tel:;x=1", "tel:+86 138", "tel:+86;a b", "tel:<1>", "sip:a@h\r\n",
      "tel:alice", "tel:+86abc", "tel:+", "tel:--", "tel:+86-x"})
  void aBrokenUriIsRefusedNamingIt(String text) {
    assertThatThrownBy(() -> SipUri.parse(text)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'");
  }
}
