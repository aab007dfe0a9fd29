package org.dunshield.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dunshield.core.number.NumberParser;
import org.dunshield.core.rule.ChannelScope;
import org.dunshield.core.rule.MatchKind;
import org.dunshield.core.rule.Rule;
import org.dunshield.core.rule.RuleParser;
import org.dunshield.core.screen.Action;
import org.dunshield.core.screen.Screener;
import org.dunshield.core.settings.Settings;
import org.dunshield.store.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The transaction layer on the wire (RFC 3261 17, RFC 6026), with timers shortened to T1 = 50 ms,
 * T2 = 400 ms, T4 = 300 ms (64×T1 = 3.2 s) and timer C to 1 s: a UDP socket plays the caller, another the callee behind
 * the forward target, and each test reads every datagram either of them got. The screening engine
 * has the built-in checks (rules) and no detectors: a dozen calls to one callee within seconds is
 * what call bombing and redial detection block, and what decides is not under test here.
 */
class SipTransactionsIT {
  private static final SipStack.Timing TIMING = new SipStack.Timing(50, 400, 300, 100, 1000);
  private static final String CALLEE_NUMBER = "13800138000";
  private static final String BLOCKED = "13911110001";

  @TempDir static Path dir;
  private static Database db;
  private static SipScreeningService service;
  private static Peer callee;
  private static int port;

  private Peer caller;
  private long failuresBefore;

  @BeforeAll
  static void start() {
    db = Database.openDirectory(dir);
    db.settings().save(Settings.defaults().with(Settings.OWN_NUMBER, "+86" + CALLEE_NUMBER));
    db.rules().add(new RuleParser(NumberParser.forRegion("CN")).parse(Action.BLOCK, MatchKind.EXACT, BLOCKED,
        ChannelScope.BOTH, Rule.DEFAULT_PRIORITY, "collector", null));
    port = Sipp.freePort();
    callee = new Peer(port);
    service = SipScreeningService.start(SipConfig.builder(new HostPort("127.0.0.1", port),
        new HostPort("127.0.0.1", callee.port())).build(), db,
        Screener.standard(), Clock.systemUTC(), TIMING);
  }

  @AfterAll
  static void stop() {
    service.close();
    callee.close();
    db.close();
  }

  @BeforeEach
  void openCaller() {
    caller = new Peer(port);
    failuresBefore = service.metrics().failures();
  }

  @AfterEach
  void closeCaller() {
    caller.close();
    assertThat(service.metrics().failures()).as("nothing failed inside the service").isEqualTo(failuresBefore);
  }

  // ---- server INVITE transaction, answered here

  @Test
  void aRetransmittedBlockedInviteGetsTheSameAnswerAndIsScreenedOnce() {
    long screened = service.metrics().screened();
    String invite = invite(caller, "blk-retx", BLOCKED);
    caller.send(invite);
    String first = caller.await(response(603, "blk-retx"), 3000);
    assertThat(first).as("the blocked call is declined").isNotNull();

    caller.send(invite);
    caller.send(invite);
    List<String> answers = caller.awaitAll(response(603, "blk-retx"), 3, 3000);

    assertThat(answers).hasSizeGreaterThanOrEqualTo(3).allMatch(first::equals);
    assertThat(tagOf(first)).as("our To tag, the same every time").startsWith("ds");
    pause(200);
    assertThat(service.metrics().screened()).as("screened once").isEqualTo(screened + 1);
    assertThat(callee.all(callId("blk-retx"))).as("the callee never hears of it").isEmpty();
    caller.send(ack(caller, "blk-retx", "z9hG4bK-blk-retx", first));
  }

  @Test
  void the603IsRetransmittedUntilTheAckAndTheAckIsAbsorbed() {
    caller.send(invite(caller, "blk-ack", BLOCKED));
    List<String> before = caller.awaitAll(response(603, "blk-ack"), 3, 3000);
    assertThat(before).as("timer G retransmits the 603 while no ACK comes").hasSize(3);
    assertThat(before).allMatch(before.get(0)::equals);

    String ack = ack(caller, "blk-ack", "z9hG4bK-blk-ack", before.get(0));
    caller.send(ack);
    pause(100);
    caller.send(ack); // a retransmitted ACK within timer I (T4) is absorbed too
    pause(100); // a 603 already on its way may still arrive
    int afterAck = caller.all(response(603, "blk-ack")).size();
    pause(1200); // three times T2

    assertThat(caller.all(response(603, "blk-ack"))).as("no 603 after the ACK").hasSize(afterAck);
    assertThat(callee.all(callId("blk-ack"))).as("the ACK ends here, the callee gets nothing").isEmpty();
  }

  @Test
  void anAckOfOurAnswerArrivingAfterTimerIIsNotForwarded() {
    caller.send(invite(caller, "blk-late-ack", BLOCKED));
    String declined = caller.await(response(603, "blk-late-ack"), 3000);
    assertThat(declined).isNotNull();
    String ack = ack(caller, "blk-late-ack", "z9hG4bK-blk-late-ack", declined);
    caller.send(ack);

    pause(TIMING.t4() + 300); // timer I ended the transaction
    caller.send(ack); // a late retransmission: no transaction left to absorb it
    pause(300);

    assertThat(callee.all(callId("blk-late-ack"))).as("an ACK of our own 603 never goes downstream").isEmpty();
  }

  @Test
  void withoutAnAckThe603StopsAfter64TimesT1() {
    caller.send(invite(caller, "blk-noack", BLOCKED));
    assertThat(caller.await(response(603, "blk-noack"), 3000)).isNotNull();

    pause(TIMING.timeout() + 800); // timer H
    int sent = caller.all(response(603, "blk-noack")).size();
    pause(1000);

    assertThat(sent).as("retransmitted meanwhile").isGreaterThan(3);
    assertThat(caller.all(response(603, "blk-noack"))).as("timer H ended the retransmissions").hasSize(sent);
  }

  // ---- client INVITE transaction towards the callee

  @Test
  void aSilentCalleeGetsTheInviteAgainAndTheCallerGets408() {
    caller.send(invite(caller, "silent", "13922220003"));

    List<String> forwarded = callee.awaitAll(request("INVITE", "silent"), 3, 3000);
    assertThat(forwarded).as("timer A retransmits the INVITE").hasSize(3);
    assertThat(forwarded).allMatch(forwarded.get(0)::equals);
    assertThat(caller.await(response(100, "silent"), 2000)).as("100 Trying while nobody answers").isNotNull();
    String timeout = caller.await(response(408, "silent"), (int) TIMING.timeout() + 3000);
    assertThat(timeout).as("408 after 64×T1").isNotNull();
    assertThat(vias(timeout)).containsExactly("SIP/2.0/UDP 127.0.0.1:" + caller.port() + ";branch=z9hG4bK-silent"
        + ";received=127.0.0.1;rport=" + caller.port());
    int sent = callee.all(request("INVITE", "silent")).size();
    assertThat(sent).as("retransmitted a few times within 64×T1").isBetween(4, 8);
    caller.send(ack(caller, "silent", "z9hG4bK-silent", timeout));

    pause(300);
    assertThat(callee.all(request("INVITE", "silent"))).as("no INVITE after the timeout").hasSize(sent);
    assertThat(callee.all(request("ACK", "silent"))).as("the ACK of our 408 stays here").isEmpty();
  }

  @Test
  void anInviteWithNoHopsLeftGets483AndIsNotForwarded() {
    caller.send(invite(caller, "no-hops", "13922220012").replace("Max-Forwards: 70", "Max-Forwards: 0"));

    String answer = caller.await(response(483, "no-hops"), 3000);

    assertThat(answer).as("483 Too Many Hops").isNotNull();
    caller.send(ack(caller, "no-hops", "z9hG4bK-no-hops", answer));
    pause(100);
    assertThat(callee.all(callId("no-hops"))).isEmpty();
  }

  @Test
  void a486IsAckedHopByHopAndRelayedOnce() throws Exception {
    caller.send(invite(caller, "busy", "13922220004"));
    SipMessage forwarded = forwardedInvite("busy");
    String ourBranch = forwarded.topVia().branch();

    callee.send(answer(forwarded, 180, "callee-busy", ""));
    String ringing = caller.await(response(180, "busy"), 3000);
    assertThat(ringing).isNotNull();
    assertThat(vias(ringing)).as("relayed without our Via").hasSize(1).allMatch(v -> v.contains("branch=z9hG4bK-busy"));

    String busy = answer(forwarded, 486, "callee-busy", "");
    callee.send(busy);
    SipMessage ack = parse(callee.await(request("ACK", "busy"), 3000));
    assertThat(ack.topVia().branch()).as("the ACK of a failure is hop by hop, in the INVITE's transaction")
        .isEqualTo(ourBranch);
    assertThat(ack.all("Via")).hasSize(1);
    assertThat(ack.first("CSeq")).isEqualTo(forwarded.cseqNumber() + " ACK");
    assertThat(ack.requestUri()).isEqualTo(forwarded.requestUri());
    assertThat(ack.toTag()).isEqualTo("callee-busy");
    assertThat(ack.fromTag()).isEqualTo(forwarded.fromTag());
    assertThat(ack.callId()).isEqualTo("busy");

    String relayed = caller.await(response(486, "busy"), 3000);
    assertThat(relayed).isNotNull();
    assertThat(vias(relayed)).hasSize(1).allMatch(v -> v.contains("branch=z9hG4bK-busy"));
    assertThat(relayed).doesNotContain(ourBranch);
    caller.send(ack(caller, "busy", "z9hG4bK-busy", relayed));
    pause(150);
    int relayedCount = caller.all(response(486, "busy")).size();

    callee.send(busy); // the callee did not get our ACK
    assertThat(callee.awaitAll(request("ACK", "busy"), 2, 3000)).as("ACKed again").hasSize(2)
        .allMatch(a -> a.contains(ourBranch));
    pause(300);
    assertThat(caller.all(response(486, "busy"))).as("not relayed twice").hasSize(relayedCount);
    assertThat(callee.all(request("ACK", "busy"))).as("the caller's ACK stays here").hasSize(2);
  }

  @Test
  void a200IsRelayedAndTheCallersAckGoesEndToEnd() throws Exception {
    caller.send(invite(caller, "answered", "13922220005"));
    SipMessage forwarded = forwardedInvite("answered");

    assertThat(forwarded.requestUri()).isEqualTo("sip:" + CALLEE_NUMBER + "@127.0.0.1:" + callee.port());
    assertThat(forwarded.all("Record-Route")).containsExactly("<sip:127.0.0.1:" + port + ";lr>");
    assertThat(forwarded.first("Max-Forwards")).isEqualTo("69");
    assertThat(forwarded.all("Via")).hasSize(2);
    assertThat(forwarded.topVia().host() + ":" + forwarded.topVia().port()).isEqualTo("127.0.0.1:" + port);
    assertThat(forwarded.all("Via").get(1)).contains("branch=z9hG4bK-answered");

    String contact = "<sip:" + CALLEE_NUMBER + "@127.0.0.1:" + callee.port() + ">";
    String ok = answer(forwarded, 200, "callee-ok", "Contact: " + contact + "\r\nRecord-Route: "
        + forwarded.first("Record-Route") + "\r\n");
    callee.send(ok);
    String relayed = caller.await(response(200, "answered"), 3000);
    assertThat(relayed).isNotNull();
    assertThat(vias(relayed)).as("without our Via").hasSize(1).allMatch(v -> v.contains("branch=z9hG4bK-answered"));
    assertThat(relayed).contains("Record-Route: <sip:127.0.0.1:" + port + ";lr>", "Contact: " + contact);

    String ack = "ACK sip:" + CALLEE_NUMBER + "@127.0.0.1:" + callee.port() + " SIP/2.0\r\n"
        + "Via: SIP/2.0/UDP 127.0.0.1:" + caller.port() + ";branch=z9hG4bK-answered-ack\r\n"
        + "Route: <sip:127.0.0.1:" + port + ";lr>\r\n"
        + "Max-Forwards: 70\r\n"
        + "From: <sip:13922220005@127.0.0.1:" + caller.port() + ">;tag=f-answered\r\n"
        + "To: <sip:" + CALLEE_NUMBER + "@127.0.0.1:" + port + ">;tag=callee-ok\r\n"
        + "Call-ID: answered\r\n"
        + "CSeq: 1 ACK\r\n"
        + "Content-Length: 0\r\n\r\n";
    caller.send(ack);
    SipMessage endToEnd = parse(callee.await(request("ACK", "answered"), 3000));

    assertThat(endToEnd.requestUri()).isEqualTo("sip:" + CALLEE_NUMBER + "@127.0.0.1:" + callee.port());
    assertThat(endToEnd.all("Via")).hasSize(2);
    assertThat(endToEnd.topVia().host() + ":" + endToEnd.topVia().port()).isEqualTo("127.0.0.1:" + port);
    assertThat(endToEnd.topVia().branch()).startsWith(Via.MAGIC_COOKIE).isNotEqualTo(forwarded.topVia().branch());
    assertThat(endToEnd.all("Via").get(1)).contains("branch=z9hG4bK-answered-ack");
    assertThat(endToEnd.all("Route")).as("our Route is taken off").isEmpty();
    assertThat(endToEnd.first("Max-Forwards")).isEqualTo("69");
    assertThat(endToEnd.toTag()).isEqualTo("callee-ok");

    callee.send(ok); // the callee did not see the ACK in time: its 200 again, end to end
    assertThat(caller.awaitAll(response(200, "answered"), 2, 3000)).hasSize(2);
  }

  // ---- timer C (RFC 3261 16.6 step 11, 16.7 step 2, 16.8)

  @Test
  void timerCStartsAgainWithEveryProvisionalAnswer() throws Exception {
    caller.send(invite(caller, "long-ring", "13922220010"));
    SipMessage forwarded = forwardedInvite("long-ring");

    for (int i = 0; i < 5; i++) { // 180, 183, 180, ... every third of timer C, for more than timer C
      callee.send(answer(forwarded, i % 2 == 0 ? 180 : 183, "callee-long", ""));
      pause(TIMING.timerC() / 3);
    }

    assertThat(callee.all(request("CANCEL", "long-ring"))).as("no CANCEL while the callee keeps answering").isEmpty();
    assertThat(caller.all(callId("long-ring")).stream().filter(m -> m.matches("(?s)SIP/2\\.0 [2-6].*")).toList())
        .as("no final answer to the caller either").isEmpty();
    callee.send(answer(forwarded, 486, "callee-long", ""));
    String busy = caller.await(response(486, "long-ring"), 3000);
    if (busy != null) {
      caller.send(ack(caller, "long-ring", "z9hG4bK-long-ring", busy));
    }
  }

  @Test
  void aCalleeRingingPastTimerCIsCancelledAndTheCallerGetsOnlyItsFinalAnswer() throws Exception {
    caller.send(invite(caller, "rang-out", "13922220011"));
    SipMessage forwarded = forwardedInvite("rang-out");
    callee.send(answer(forwarded, 180, "callee-out", ""));
    assertThat(caller.await(response(180, "rang-out"), 3000)).isNotNull();

    SipMessage cancel = parse(callee.await(request("CANCEL", "rang-out"), (int) TIMING.timerC() + 3000));
    assertThat(cancel.topVia().branch()).as("timer C cancels the forwarded INVITE").isEqualTo(forwarded.topVia().branch());
    // the callee answered just before the CANCEL reached it: 200 to the CANCEL, 200 OK to the INVITE
    callee.send(answer(cancel, 200, "callee-out", ""));
    callee.send(answer(forwarded, 200, "callee-out", "Contact: <sip:" + CALLEE_NUMBER + "@127.0.0.1:" + callee.port()
        + ">\r\n"));
    assertThat(caller.await(r -> response(200, "rang-out").test(r) && r.contains("CSeq: 1 INVITE"), 3000))
        .as("a 2xx always goes to the caller (16.7 step 5)").isNotNull();
    pause(200);

    assertThat(caller.all(callId("rang-out")).stream().filter(m -> m.matches("(?s)SIP/2\\.0 [2-6].*CSeq: 1 INVITE.*"))
        .map(m -> m.substring(0, 11)).distinct().toList())
        .as("one final answer to the INVITE: the callee's, not a 408 of ours before it (16.8)")
        .containsExactly("SIP/2.0 200");
  }

  // ---- non-INVITE transactions

  @Test
  void aByeIsForwardedOnceAndItsRetransmissionAnsweredHere() throws Exception {
    String bye = "BYE sip:" + CALLEE_NUMBER + "@127.0.0.1:" + callee.port() + " SIP/2.0\r\n"
        + "Via: SIP/2.0/UDP 127.0.0.1:" + caller.port() + ";branch=z9hG4bK-bye-1\r\n"
        + "Route: <sip:127.0.0.1:" + port + ";lr>\r\n"
        + "Max-Forwards: 70\r\n"
        + "From: <sip:13922220006@127.0.0.1:" + caller.port() + ">;tag=f-bye\r\n"
        + "To: <sip:" + CALLEE_NUMBER + "@127.0.0.1:" + port + ">;tag=callee-bye\r\n"
        + "Call-ID: bye\r\n"
        + "CSeq: 2 BYE\r\n"
        + "Content-Length: 0\r\n\r\n";
    caller.send(bye);
    SipMessage forwarded = parse(callee.await(request("BYE", "bye"), 3000));
    assertThat(forwarded.all("Via")).hasSize(2);
    assertThat(forwarded.all("Route")).isEmpty();

    callee.send(answer(forwarded, 200, null, ""));
    String ok = caller.await(response(200, "bye"), 3000);
    assertThat(ok).contains("CSeq: 2 BYE");
    assertThat(vias(ok)).hasSize(1);
    List<String> byes = callee.all(request("BYE", "bye"));
    assertThat(byes).as("one transaction (timer E may have resent it)").allMatch(b -> b.contains(forwarded.topVia().branch()));

    caller.send(bye);
    List<String> oks = caller.awaitAll(response(200, "bye"), 2, 3000);
    assertThat(oks).as("the retransmission is answered from the transaction").hasSize(2);
    assertThat(oks.get(1)).isEqualTo(oks.get(0));
    pause(300);
    assertThat(callee.all(request("BYE", "bye"))).as("without reaching the callee again").hasSameSizeAs(byes);
  }

  @Test
  void aByeToASilentCalleeIsRetransmittedAndTheCallerGets408() {
    String bye = "BYE sip:" + CALLEE_NUMBER + "@127.0.0.1:" + callee.port() + " SIP/2.0\r\n"
        + "Via: SIP/2.0/UDP 127.0.0.1:" + caller.port() + ";branch=z9hG4bK-bye-silent\r\n"
        + "Route: <sip:127.0.0.1:" + port + ";lr>\r\n"
        + "Max-Forwards: 70\r\n"
        + "From: <sip:13922220013@127.0.0.1:" + caller.port() + ">;tag=f-bye-silent\r\n"
        + "To: <sip:" + CALLEE_NUMBER + "@127.0.0.1:" + port + ">;tag=callee-gone\r\n"
        + "Call-ID: bye-silent\r\n"
        + "CSeq: 3 BYE\r\n"
        + "Content-Length: 0\r\n\r\n";
    caller.send(bye);

    List<String> forwarded = callee.awaitAll(request("BYE", "bye-silent"), 3, 3000);
    assertThat(forwarded).as("timer E retransmits the BYE").hasSize(3).allMatch(forwarded.get(0)::equals);
    String timeout = caller.await(response(408, "bye-silent"), (int) TIMING.timeout() + 3000);

    assertThat(timeout).as("408 after 64×T1 (timer F)").isNotNull().contains("CSeq: 3 BYE");
    int sent = callee.all(request("BYE", "bye-silent")).size();
    pause(600);
    assertThat(callee.all(request("BYE", "bye-silent"))).as("no BYE after the timeout").hasSize(sent);
  }

  @Test
  void aCancelOfNothingGets481() {
    String cancel = invite(caller, "no-such-call", "13922220007").replace("INVITE sip:", "CANCEL sip:")
        .replace("CSeq: 1 INVITE", "CSeq: 1 CANCEL");
    caller.send(cancel);

    String answer = caller.await(response(481, "no-such-call"), 3000);

    assertThat(answer).isNotNull().contains("CSeq: 1 CANCEL");
    pause(100);
    assertThat(callee.all(callId("no-such-call"))).isEmpty();
  }

  @Test
  void aCancelWhileTheCalleeRingsIsPassedOnAndThe487Relayed() throws Exception {
    String invite = invite(caller, "cancelled", "13922220008");
    caller.send(invite);
    SipMessage forwarded = forwardedInvite("cancelled");
    callee.send(answer(forwarded, 180, "callee-cancel", ""));
    assertThat(caller.await(response(180, "cancelled"), 3000)).isNotNull();

    caller.send(invite.replace("INVITE sip:", "CANCEL sip:").replace("CSeq: 1 INVITE", "CSeq: 1 CANCEL")
        .replaceFirst("Contact: [^\r]*\r\n", ""));

    String cancelled = caller.await(r -> r.startsWith("SIP/2.0 200") && r.contains("CSeq: 1 CANCEL")
        && r.contains("Call-ID: cancelled\r\n"), 3000);
    assertThat(cancelled).as("our 200 to the CANCEL").isNotNull();
    SipMessage cancel = parse(callee.await(request("CANCEL", "cancelled"), 3000));
    assertThat(cancel.topVia().branch()).as("the CANCEL of our INVITE carries its branch")
        .isEqualTo(forwarded.topVia().branch());
    assertThat(cancel.first("CSeq")).isEqualTo(forwarded.cseqNumber() + " CANCEL");
    assertThat(cancel.requestUri()).isEqualTo(forwarded.requestUri());
    assertThat(cancel.toTag()).isNull();

    callee.send(answer(cancel, 200, "callee-cancel", ""));
    callee.send(answer(forwarded, 487, "callee-cancel", ""));

    String terminated = caller.await(response(487, "cancelled"), 3000);
    assertThat(terminated).isNotNull().contains("CSeq: 1 INVITE");
    assertThat(vias(terminated)).hasSize(1);
    assertThat(callee.await(request("ACK", "cancelled"), 3000)).as("the 487 is ACKed").contains(forwarded.topVia().branch());
    caller.send(ack(caller, "cancelled", "z9hG4bK-cancelled", terminated));
  }

  // ---- TCP

  @Test
  void anOptionsOverTcpIsAnsweredOnTheSameConnection() throws Exception {
    try (Socket tcp = new Socket(InetAddress.getLoopbackAddress(), port)) {
      tcp.setSoTimeout(3000);
      tcp.getOutputStream().write(options(tcp, "tcp-ping").getBytes(StandardCharsets.US_ASCII));

      String answer = readMessage(tcp.getInputStream());

      assertThat(answer).startsWith("SIP/2.0 200").contains("Call-ID: tcp-ping\r\n");
      assertThat(vias(answer)).hasSize(1);
      assertThat(vias(answer).get(0)).startsWith("SIP/2.0/TCP 127.0.0.1:" + tcp.getLocalPort() + ";");
    }
  }

  @Test
  void twoMessagesInOneWriteAreBothAnswered() throws Exception {
    try (Socket tcp = new Socket(InetAddress.getLoopbackAddress(), port)) {
      tcp.setSoTimeout(3000);
      String two = options(tcp, "tcp-one") + options(tcp, "tcp-two");
      tcp.getOutputStream().write(two.getBytes(StandardCharsets.US_ASCII));

      List<String> answers = List.of(readMessage(tcp.getInputStream()), readMessage(tcp.getInputStream()));

      assertThat(answers).allMatch(a -> a.startsWith("SIP/2.0 200"));
      assertThat(answers).anyMatch(a -> a.contains("Call-ID: tcp-one\r\n"))
          .anyMatch(a -> a.contains("Call-ID: tcp-two\r\n"));
    }
  }

  @Test
  void aMessageSplitAcrossWritesIsFramedWhole() throws Exception {
    try (Socket tcp = new Socket(InetAddress.getLoopbackAddress(), port)) {
      tcp.setSoTimeout(3000);
      tcp.setTcpNoDelay(true);
      byte[] bytes = (options(tcp, "tcp-split").replace("Content-Length: 0", "Content-Length: 5") + "hello")
          .getBytes(StandardCharsets.US_ASCII);
      OutputStream out = tcp.getOutputStream();
      int[] cuts = {0, 20, bytes.length - 7, bytes.length - 2, bytes.length};
      for (int i = 0; i + 1 < cuts.length; i++) {
        out.write(bytes, cuts[i], cuts[i + 1] - cuts[i]);
        out.flush();
        pause(30);
      }

      assertThat(readMessage(tcp.getInputStream())).startsWith("SIP/2.0 200").contains("Call-ID: tcp-split\r\n");
    }
  }

  @Test
  void aBlockedInviteRetransmittedOverTcpGetsThe603AgainOnlyThen() throws Exception {
    try (Socket tcp = new Socket(InetAddress.getLoopbackAddress(), port)) {
      tcp.setSoTimeout(3000);
      long screened = service.metrics().screened();
      String invite = "INVITE sip:" + CALLEE_NUMBER + "@127.0.0.1:" + port + " SIP/2.0\r\n"
          + "Via: SIP/2.0/TCP 127.0.0.1:" + tcp.getLocalPort() + ";branch=z9hG4bK-tcp-blk\r\n"
          + "Max-Forwards: 70\r\n"
          + "From: <sip:" + BLOCKED + "@127.0.0.1>;tag=f-tcp-blk\r\n"
          + "To: <sip:" + CALLEE_NUMBER + "@127.0.0.1:" + port + ">\r\n"
          + "Call-ID: tcp-blk\r\n"
          + "CSeq: 1 INVITE\r\n"
          + "Contact: <sip:" + BLOCKED + "@127.0.0.1:" + tcp.getLocalPort() + ";transport=tcp>\r\n"
          + "Content-Length: 0\r\n\r\n";
      InputStream in = tcp.getInputStream();
      tcp.getOutputStream().write(invite.getBytes(StandardCharsets.US_ASCII));
      String first = readMessage(in);
      assertThat(first).startsWith("SIP/2.0 603");

      tcp.setSoTimeout(500);
      assertThat(readOrNull(in)).as("no timer G over a reliable transport").isNull();
      tcp.setSoTimeout(3000);
      tcp.getOutputStream().write(invite.getBytes(StandardCharsets.US_ASCII));

      assertThat(readMessage(in)).as("the retransmission gets the same answer").isEqualTo(first);
      assertThat(service.metrics().screened()).isEqualTo(screened + 1);
    }
  }

  // ---- helpers

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The INVITE as the callee got it; failing, says what the caller got instead. */
  private SipMessage forwardedInvite(String callId) throws SipMessage.Malformed {
    String invite = callee.await(request("INVITE", callId), 3000);
    assertThat(invite).as("the INVITE reaches the callee; the caller got %s", caller.all(callId(callId))).isNotNull();
    return parse(invite);
  }

  private static SipMessage parse(String text) throws SipMessage.Malformed {
    assertThat(text).as("a message arrived").isNotNull();
    byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
    return SipMessage.parse(bytes, 0, bytes.length);
  }

  private static Predicate<String> callId(String callId) {
    return m -> m.contains("\r\nCall-ID: " + callId + "\r\n");
  }

  private static Predicate<String> response(int status, String callId) {
    return callId(callId).and(m -> m.startsWith("SIP/2.0 " + status + " "));
  }

  private static Predicate<String> request(String method, String callId) {
    return callId(callId).and(m -> m.startsWith(method + " "));
  }

  private static List<String> vias(String message) {
    List<String> vias = new ArrayList<>();
    Matcher m = Pattern.compile("\r\nVia: ([^\r]*)").matcher(message);
    while (m.find()) {
      vias.add(m.group(1));
    }
    return vias;
  }

  private static String tagOf(String response) {
    Matcher m = Pattern.compile("\r\nTo: [^\r]*;tag=([^;\r]*)").matcher(response);
    return m.find() ? m.group(1) : null;
  }

  /** An INVITE from {@code peer} as {@code number}, branch {@code z9hG4bK-<callId>}. */
  private static String invite(Peer peer, String callId, String number) {
    return "INVITE sip:" + CALLEE_NUMBER + "@127.0.0.1:" + port + " SIP/2.0\r\n"
        + "Via: SIP/2.0/UDP 127.0.0.1:" + peer.port() + ";branch=z9hG4bK-" + callId + ";rport\r\n"
        + "Max-Forwards: 70\r\n"
        + "From: <sip:" + number + "@127.0.0.1:" + peer.port() + ">;tag=f-" + callId + "\r\n"
        + "To: <sip:" + CALLEE_NUMBER + "@127.0.0.1:" + port + ">\r\n"
        + "Call-ID: " + callId + "\r\n"
        + "CSeq: 1 INVITE\r\n"
        + "Contact: <sip:" + number + "@127.0.0.1:" + peer.port() + ">\r\n"
        + "Content-Length: 0\r\n\r\n";
  }

  /** The ACK of a failure response to {@link #invite}: same branch, the response's To. */
  private static String ack(Peer peer, String callId, String branch, String failure) {
    Matcher to = Pattern.compile("\r\n(To: [^\r]*)\r\n").matcher(failure);
    Matcher from = Pattern.compile("\r\n(From: [^\r]*)\r\n").matcher(failure);
    assertThat(to.find() && from.find()).isTrue();
    return "ACK sip:" + CALLEE_NUMBER + "@127.0.0.1:" + port + " SIP/2.0\r\n"
        + "Via: SIP/2.0/UDP 127.0.0.1:" + peer.port() + ";branch=" + branch + ";rport\r\n"
        + "Max-Forwards: 70\r\n"
        + from.group(1) + "\r\n"
        + to.group(1) + "\r\n"
        + "Call-ID: " + callId + "\r\n"
        + "CSeq: 1 ACK\r\n"
        + "Content-Length: 0\r\n\r\n";
  }

  /** What the callee answers to {@code request}: its Vias, From, To (with {@code toTag}), Call-ID, CSeq. */
  private static String answer(SipMessage request, int status, String toTag, String extra) {
    StringBuilder s = new StringBuilder("SIP/2.0 ").append(status).append(' ')
        .append(switch (status) {
          case 180 -> "Ringing";
          case 183 -> "Session Progress";
          case 200 -> "OK";
          case 486 -> "Busy Here";
          case 487 -> "Request Terminated";
          default -> "Whatever";
        }).append("\r\n");
    for (String via : request.all("Via")) {
      s.append("Via: ").append(via).append("\r\n");
    }
    String to = request.first("To");
    s.append("From: ").append(request.first("From")).append("\r\n")
        .append("To: ").append(toTag == null || NameAddr.tagOf(to) != null ? to : to + ";tag=" + toTag).append("\r\n")
        .append("Call-ID: ").append(request.callId()).append("\r\n")
        .append("CSeq: ").append(request.first("CSeq")).append("\r\n")
        .append(extra)
        .append("Content-Length: 0\r\n\r\n");
    return s.toString();
  }

  private static String options(Socket tcp, String callId) {
    return "OPTIONS sip:127.0.0.1:" + port + " SIP/2.0\r\n"
        + "Via: SIP/2.0/TCP 127.0.0.1:" + tcp.getLocalPort() + ";branch=z9hG4bK-" + callId + "\r\n"
        + "Max-Forwards: 70\r\n"
        + "From: <sip:monitor@127.0.0.1>;tag=f-" + callId + "\r\n"
        + "To: <sip:127.0.0.1:" + port + ">\r\n"
        + "Call-ID: " + callId + "\r\n"
        + "CSeq: 1 OPTIONS\r\n"
        + "Content-Length: 0\r\n\r\n";
  }

  /** One message off a stream: the header section, then Content-Length bytes. */
  private static String readMessage(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (true) {
      int c = in.read();
      if (c < 0) {
        throw new IOException("the connection ended after " + head);
      }
      head.write(c);
      String text = head.toString(StandardCharsets.ISO_8859_1);
      if (text.endsWith("\r\n\r\n")) {
        Matcher length = Pattern.compile("\r\nContent-Length: (\\d+)\r\n").matcher(text);
        int n = length.find() ? Integer.parseInt(length.group(1)) : 0;
        return text + new String(in.readNBytes(n), StandardCharsets.ISO_8859_1);
      }
    }
  }

  private static String readOrNull(InputStream in) throws IOException {
    try {
      return readMessage(in);
    } catch (java.net.SocketTimeoutException e) {
      return null;
    }
  }

  /**
   * A UDP socket on loopback that keeps every datagram it gets, in order, so a test can wait for
   * one, count them, or look at all of them (RawSip drops what does not match while it waits).
   */
  static final class Peer implements AutoCloseable {
    private final DatagramSocket socket;
    private final int target;
    private final List<String> received = new ArrayList<>();
    private final Thread reader;

    Peer(int target) {
      try {
        socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
      } catch (SocketException e) {
        throw new UncheckedIOException(e);
      }
      this.target = target;
      reader = new Thread(this::read, "sip-test-peer-" + socket.getLocalPort());
      reader.setDaemon(true);
      reader.start();
    }

    int port() {
      return socket.getLocalPort();
    }

    void send(String message) {
      byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
      try {
        socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), target));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private void read() {
      byte[] buffer = new byte[65_536];
      while (!socket.isClosed()) {
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        try {
          socket.receive(packet);
        } catch (IOException closed) {
          return;
        }
        String text = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.ISO_8859_1);
        synchronized (received) {
          received.add(text);
          received.notifyAll();
        }
      }
    }

    /** Every datagram so far that {@code filter} takes. */
    List<String> all(Predicate<String> filter) {
      synchronized (received) {
        return received.stream().filter(filter).toList();
      }
    }

    /** The first datagram {@code filter} takes, waiting up to {@code millis}; {@code null} when none came. */
    String await(Predicate<String> filter, int millis) {
      List<String> found = awaitAll(filter, 1, millis);
      return found.isEmpty() ? null : found.get(0);
    }

    /** The first {@code count} datagrams {@code filter} takes, or fewer when {@code millis} ran out first. */
    List<String> awaitAll(Predicate<String> filter, int count, int millis) {
      long deadline = System.nanoTime() + millis * 1_000_000L;
      synchronized (received) {
        while (true) {
          List<String> found = received.stream().filter(filter).limit(count).toList();
          long left = (deadline - System.nanoTime()) / 1_000_000;
          if (found.size() >= count || left <= 0) {
            return found;
          }
          try {
            received.wait(left);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return found;
          }
        }
      }
    }

    @Override
    public void close() {
      socket.close();
    }
  }
}
