package org.dunshield.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SipConfigTest {
  private final HostPort listen = new HostPort("127.0.0.1", 5060);
  private final HostPort forward = new HostPort("10.0.0.5", 5060);

  @Test
  void theDefaultsDecline603AndProxyOverUdpAndTcp() {
    SipConfig c = SipConfig.builder(listen, forward).build();
    assertThat(c.blockStatus()).isEqualTo(603);
    assertThat(c.allowMode()).isEqualTo(AllowMode.PROXY);
    assertThat(c.transports()).containsExactly("udp", "tcp");
    assertThat(c.silenceHeader()).isEqualTo(new SipConfig.Header("X-Dunshield-Action", "silence"));
    assertThat(c.unknownCallee()).isEqualTo(UnknownCallee.LOCAL);
  }

  @Test
  void onlyTheRefusalsRfc3261OffersAreBlockAnswers() {
    assertThat(SipConfig.builder(listen, forward).blockStatus(486).build().blockStatus()).isEqualTo(486);
    assertThatThrownBy(() -> SipConfig.builder(listen, forward).blockStatus(404).build())
        .hasMessageContaining("603, 486 or 480");
  }

  @Test
  void refusesWhatCannotWork() {
    assertThatThrownBy(() -> SipConfig.builder(new HostPort("127.0.0.1", 0), forward).build())
        .hasMessageContaining("--listen needs a port");
    assertThatThrownBy(() -> SipConfig.builder(listen, forward).transports(List.of("sctp")).build())
        .hasMessageContaining("unknown transport 'sctp'");
    assertThatThrownBy(() -> SipConfig.builder(listen, forward).announcement("file:/etc/passwd").build())
        .hasMessageContaining("announcement");
    assertThatThrownBy(() -> SipConfig.builder(listen, forward).callee("100", 0).build())
        .hasMessageContaining("owner ids are positive");
  }

  @Test
  void aHeaderIsNameColonValueOfPrintableAscii() {
    assertThat(SipConfig.Header.parse("Alert-Info: <http://127.0.0.1/silent>;info=alert-silent"))
        .isEqualTo(new SipConfig.Header("Alert-Info", "<http://127.0.0.1/silent>;info=alert-silent"));
    assertThatThrownBy(() -> SipConfig.Header.parse("no colon")).hasMessageContaining("Name: value");
    assertThatThrownBy(() -> SipConfig.Header.parse("X-A: two\r\nX-B: lines")).hasMessageContaining("printable");
  }
}
