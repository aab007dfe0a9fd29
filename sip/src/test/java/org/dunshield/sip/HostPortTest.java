package org.dunshield.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HostPortTest {
  @Test
  void parsesHostAndPort() {
    assertThat(HostPort.parse("10.0.0.5:5080", 5060)).isEqualTo(new HostPort("10.0.0.5", 5080));
    assertThat(HostPort.parse("pbx.example", 5060)).isEqualTo(new HostPort("pbx.example", 5060));
    assertThat(HostPort.parse("[::1]:5070", 5060)).isEqualTo(new HostPort("[::1]", 5070));
  }

  @Test
  void namesTheProblem() {
    assertThatThrownBy(() -> HostPort.parse("pbx:http", 5060)).hasMessageContaining("'pbx:http'")
        .hasMessageContaining("not a number");
    assertThatThrownBy(() -> HostPort.parse("pbx:70000", 5060)).hasMessageContaining("between 0 and 65535");
    assertThatThrownBy(() -> HostPort.parse("::1", 5060)).hasMessageContaining("brackets");
    assertThatThrownBy(() -> HostPort.parse(":5060", 5060)).hasMessageContaining("host is empty");
  }
}
