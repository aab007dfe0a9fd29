package org.dunshield.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.dunshield.sip.AllowMode;
import org.dunshield.sip.HostPort;
import org.dunshield.sip.SipConfig;
import org.dunshield.sip.UnknownCallee;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SipCommandTest {
  @TempDir Path data;

  @Test
  void theOptionsBecomeTheServiceConfiguration() {
    CommandLine cli = new CommandLine(new Main());
    CommandLine.ParseResult parsed = cli.parseArgs("sip", "--listen", "10.0.0.2:5070", "--forward", "10.0.0.5",
        "--allow", "redirect", "--block-status", "486", "--announcement", "sip:blocked@10.0.0.9",
        "--callee", "100=3", "--unknown-callee", "reject", "--transport", "udp", "--health", "off",
        "--silence-header", "Alert-Info: <http://127.0.0.1/>;info=alert-silent");
    SipCommand command = (SipCommand) parsed.subcommand().commandSpec().userObject();

    SipConfig config = command.config();

    assertThat(config.listen()).isEqualTo(new HostPort("10.0.0.2", 5070));
    assertThat(config.forward()).isEqualTo(new HostPort("10.0.0.5", 5060));
    assertThat(config.allowMode()).isEqualTo(AllowMode.REDIRECT);
    assertThat(config.blockStatus()).isEqualTo(486);
    assertThat(config.announcement()).isEqualTo("sip:blocked@10.0.0.9");
    assertThat(config.callees()).containsEntry("100", 3L);
    assertThat(config.unknownCallee()).isEqualTo(UnknownCallee.REJECT);
    assertThat(config.transports()).containsExactly("udp");
    assertThat(config.health()).isNull();
    assertThat(config.silenceHeader().name()).isEqualTo("Alert-Info");
  }

  @Test
  void aBadForwardTargetIsBadInputNamingTheOption() {
    Cli.Result r = new Cli(data).run("sip", "--forward", "pbx:http");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--forward: 'pbx:http': the port 'http' is not a number");
  }

  @Test
  void aBlockAnswerOtherThanARefusalIsBadInput() {
    Cli.Result r = new Cli(data).run("sip", "--forward", "10.0.0.5:5060", "--block-status", "404");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("603, 486 or 480");
  }

  @Test
  void theForwardTargetIsRequired() {
    Cli.Result r = new Cli(data).run("sip");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--forward");
  }
}
