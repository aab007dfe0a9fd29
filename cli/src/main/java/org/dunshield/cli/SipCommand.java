package org.dunshield.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.dunshield.sip.AllowMode;
import org.dunshield.sip.HostPort;
import org.dunshield.sip.SipConfig;
import org.dunshield.sip.SipScreeningService;
import org.dunshield.sip.UnknownCallee;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code sip}: the SIP screening service in front of a PBX or VoIP line, on the same store as the
 * CLI, until interrupted. See docs/sip.md.
 */
@Command(name = "sip", mixinStandardHelpOptions = true,
    description = "Screen calls in real time as a SIP service in front of a PBX or VoIP line.")
final class SipCommand implements Callable<Integer> {
  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Option(names = "--listen", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:5060",
      description = "Where SIP arrives (default ${DEFAULT-VALUE}); a concrete address, it goes into Via and Record-Route.")
  String listen;

  @Option(names = "--forward", paramLabel = "HOST:PORT", required = true,
      description = "The PBX, line or phone that allowed calls go to (port 5060 when left out).")
  String forward;

  @Option(names = "--transport", paramLabel = "udp,tcp", split = ",", defaultValue = "udp,tcp",
      description = "Transports to listen on (default ${DEFAULT-VALUE}).")
  List<String> transports;

  @Option(names = "--forward-transport", paramLabel = "udp|tcp", defaultValue = "udp",
      description = "Transport towards the forward target (default ${DEFAULT-VALUE}).")
  String forwardTransport;

  @Option(names = "--allow", paramLabel = "proxy|redirect", defaultValue = "proxy",
      description = "How allowed calls reach the forward target: proxy (stay in the call path) or redirect (302). Default ${DEFAULT-VALUE}.")
  String allow;

  @Option(names = "--block-status", paramLabel = "603|486|480", defaultValue = "603",
      description = "The answer to a blocked call (default ${DEFAULT-VALUE} Decline).")
  int blockStatus;

  @Option(names = "--announcement", paramLabel = "URI",
      description = "A recording for blocked callers, sent in Error-Info (sip:, http: or tel: URI).")
  String announcement;

  @Option(names = "--silence-header", paramLabel = "'NAME: VALUE'", defaultValue = "X-Dunshield-Action: silence",
      description = "The header added to a silenced call for the callee's phone (default '${DEFAULT-VALUE}').")
  String silenceHeader;

  @Option(names = "--callee", paramLabel = "USER=OWNER",
      description = "Map a Request-URI user (number or extension) to an account id; repeatable. Without it the"
          + " account whose own-number setting is the callee is used.")
  Map<String, Long> callees;

  @Option(names = "--unknown-callee", paramLabel = "local|forward|reject", defaultValue = "local",
      description = "Calls to a callee no account claims: screen as the local user, forward unscreened, or 404. Default ${DEFAULT-VALUE}.")
  String unknownCallee;

  @Option(names = "--health", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:9060",
      description = "Where /health and /metrics answer (default ${DEFAULT-VALUE}; port 0 picks one; 'off' for none).")
  String health;

  @Option(names = "--refresh", paramLabel = "SECONDS", defaultValue = "5",
      description = "How long rules, contacts and settings are cached (default ${DEFAULT-VALUE} s).")
  int refreshSeconds;

  @Override
  public Integer call() throws InterruptedException {
    SipConfig config = config();
    App app = main.app();
    SipScreeningService service = SipScreeningService.start(config, app.database(), app.screener(), app.clock());
    PrintWriter out = spec.commandLine().getOut();
    String healthText = service.health().map(h -> "http://" + h + "/health").orElse("-");
    if ("zh".equals(app.language())) {
      out.println("Dunshield SIP 筛查已启动：监听 " + String.join("/", config.transports()) + " " + config.listen()
          + "，放行的来电转到 " + config.forward() + "（" + (config.allowMode() == AllowMode.PROXY ? "代理" : "重定向")
          + "），健康检查 " + healthText + "（数据：" + app.dataDir() + "）");
    } else {
      out.println("Dunshield SIP screening on " + String.join("/", config.transports()) + " " + config.listen()
          + ", allowed calls go to " + config.forward() + " (" + config.allowMode().code() + "), health at "
          + healthText + " (data: " + app.dataDir() + ")");
    }
    out.flush();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      service.close();
      stopped.countDown();
    }, "dunshield-sip-shutdown"));
    stopped.await();
    return 0;
  }

  /** The configuration from the options; IllegalArgumentException (exit 2) names the bad option. */
  SipConfig config() {
    SipConfig.Builder b = SipConfig.builder(option("--listen", () -> HostPort.parse(listen, 5060)),
        option("--forward", () -> HostPort.parse(forward, 5060)));
    b.transports(new ArrayList<>(transports)).forwardTransport(forwardTransport)
        .allowMode(option("--allow", () -> AllowMode.fromCode(allow)))
        .blockStatus(blockStatus).announcement(announcement)
        .silenceHeader(option("--silence-header", () -> SipConfig.Header.parse(silenceHeader)))
        .unknownCallee(option("--unknown-callee", () -> UnknownCallee.fromCode(unknownCallee)))
        .refresh(Duration.ofSeconds(option("--refresh", () -> {
          if (refreshSeconds < 0) {
            throw new IllegalArgumentException("must not be negative, got " + refreshSeconds);
          }
          return refreshSeconds;
        })));
    if (callees != null) {
      callees.forEach(b::callee);
    }
    if (!"off".equalsIgnoreCase(health.trim())) {
      b.health(option("--health", () -> HostPort.parse(health, 9060)));
    }
    return option("sip", b::build);
  }

  private static <T> T option(String name, java.util.function.Supplier<T> parse) {
    try {
      return parse.get();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
    }
  }
}
