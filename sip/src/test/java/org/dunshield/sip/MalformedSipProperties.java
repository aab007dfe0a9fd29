package org.dunshield.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.dunshield.core.detect.DetectionSettings;
import org.dunshield.core.detect.Detectors;
import org.dunshield.core.screen.Screener;
import org.dunshield.store.Database;

/**
 * Fuzzing over raw datagrams: a valid INVITE with a random stretch overwritten, cut short or
 * repeated, or random bytes, never crashes the service nor makes it fail inside; whatever it answers
 * is a SIP status line, and it still answers a ping afterwards.
 */
class MalformedSipProperties {
  private static Path dir;
  private static Database db;
  private static SipScreeningService service;
  private static RawSip sip;
  private static int counter;

  @BeforeContainer
  static void start() throws Exception {
    dir = Files.createTempDirectory("dunshield-sip-fuzz");
    db = Database.openDirectory(dir);
    service = SipScreeningService.start(SipConfig.builder(new HostPort("127.0.0.1", Sipp.freePort()),
        new HostPort("127.0.0.1", Sipp.freePort())).transports(java.util.List.of("udp")).build(), db,
        Screener.standard(Detectors.checks(DetectionSettings.defaults())), Clock.systemUTC());
    sip = new RawSip(service.config().listen().port());
  }

  @AfterContainer
  static void stop() throws Exception {
    sip.close();
    service.close();
    db.close();
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Property(tries = 250)
  void aMangledDatagramNeverBreaksTheService(@ForAll("mangled") byte[] datagram) {
    sip.send(datagram);
    String answer = sip.receive("SIP/2.0", 30);
    if (answer != null && !answer.contains("Call-ID: ping-")) {
      assertThat(answer).matches("(?s)SIP/2\\.0 [1-6]\\d\\d .*");
    }
    assertThat(sip.answersPing("ping-" + counter++)).as("answers a ping after %s",
        new String(datagram, StandardCharsets.ISO_8859_1)).isTrue();
    assertThat(service.metrics().failures()).isZero();
  }

  @Provide
  Arbitrary<byte[]> mangled() {
    byte[] valid = sip.request("INVITE", "sip:13800138000@127.0.0.1", "fuzz").getBytes(StandardCharsets.ISO_8859_1);
    Arbitrary<Integer> at = Arbitraries.integers().between(0, valid.length - 1);
    Arbitrary<byte[]> noise = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(40);
    Arbitrary<byte[]> overwritten = Combinators.combine(at, noise).as((i, n) -> {
      byte[] copy = valid.clone();
      System.arraycopy(n, 0, copy, i, Math.min(n.length, copy.length - i));
      return copy;
    });
    Arbitrary<byte[]> textual = Combinators.combine(at, Arbitraries.strings().withChars(":;<>@\"\r\n ,=%0123456789abcSIPz")
        .ofMinLength(1).ofMaxLength(20)).as((i, s) -> {
      byte[] insert = s.getBytes(StandardCharsets.ISO_8859_1);
      byte[] copy = new byte[valid.length + insert.length];
      System.arraycopy(valid, 0, copy, 0, i);
      System.arraycopy(insert, 0, copy, i, insert.length);
      System.arraycopy(valid, i, copy, i + insert.length, valid.length - i);
      return copy;
    });
    Arbitrary<byte[]> truncated = at.map(i -> Arrays.copyOf(valid, Math.max(1, i)));
    Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(600);
    return Arbitraries.oneOf(overwritten, textual, truncated, random);
  }
}
