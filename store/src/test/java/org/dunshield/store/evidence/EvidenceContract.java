package org.dunshield.store.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import org.dunshield.core.event.CallEvent;
import org.dunshield.core.event.CallType;
import org.dunshield.core.event.Direction;
import org.dunshield.core.event.Event;
import org.dunshield.core.event.Presentation;
import org.dunshield.core.event.SmsEvent;
import org.dunshield.core.evidence.Attachment;
import org.dunshield.core.evidence.Case;
import org.dunshield.core.evidence.CaseRepository;
import org.dunshield.core.evidence.LinkKind;
import org.dunshield.core.evidence.Sha256;
import org.dunshield.core.evidence.Verification;
import org.dunshield.core.number.NumberKind;
import org.dunshield.core.number.PhoneNumber;
import org.dunshield.store.Database;
import org.dunshield.store.EvidenceStore;
import org.dunshield.store.HistoryWriter;
import org.dunshield.core.screen.Action;
import org.dunshield.core.screen.Category;
import org.dunshield.core.screen.Reason;
import org.dunshield.core.screen.Verdict;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every store must do with cases, attachments and the evidence chain, whatever the database.
 * Each test gets its own empty database from {@link #open()}.
 */
abstract class EvidenceContract {
  static final Instant T0 = Instant.parse("2026-10-13T15:00:00Z");
  static final PhoneNumber COLLECTOR = PhoneNumber.of("+8617012345678", NumberKind.VIRTUAL_MOBILE);
  static final String THREAT = "【某某金融】您已逾期，今日18:00前不还款将联系您的紧急联系人！";

  @TempDir Path attachmentDir;
  @TempDir Path work;

  protected Database db;
  protected EvidenceStore evidence;

  /** The clock the database stamps its own evidence links with. */
  static final Clock STORE_CLOCK = Clock.fixed(T0.plusSeconds(7200), ZoneOffset.UTC);

  /** Opens this test's database on {@link #STORE_CLOCK}, empty on the first call. */
  protected abstract Database open();

  /** A plain JDBC connection to this test's database, to tamper behind the store's back. */
  protected abstract Connection connect() throws SQLException;

  @BeforeEach
  void openStore() {
    db = open();
    evidence = EvidenceStore.of(db, attachmentDir, Clock.fixed(T0.plusSeconds(3600), ZoneOffset.UTC));
  }

  @AfterEach
  void closeStore() {
    db.close();
  }

  static CallEvent missedCall(int minute) {
    return new CallEvent(T0.plusSeconds(60L * minute), COLLECTOR, "17012345678", Presentation.ALLOWED,
        CallType.MISSED, Duration.ZERO, null);
  }

  static SmsEvent sms(int minute, String body) {
    return new SmsEvent(T0.plusSeconds(60L * minute), COLLECTOR, "17012345678", Direction.INCOMING, body);
  }

  @Test
  void casesAreCreatedListedAndFoundByIdOrName() {
    CaseRepository cases = evidence.cases();
    Case created = cases.create(new Case(0, "某某金融", List.of(COLLECTOR), T0, T0.plusSeconds(86_400), T0));
    assertThat(created.id()).isPositive();
    assertThat(cases.list()).containsExactly(created);
    assertThat(cases.find("某某金融")).contains(created);
    assertThat(cases.find(Long.toString(created.id()))).contains(created);
    assertThat(cases.find("nobody")).isEmpty();
    assertThatThrownBy(() -> cases.create(new Case(0, "某某金融", List.of(), null, null, T0)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already exists");
    assertThat(evidence.forOwner(2).cases().list()).isEmpty();
    assertThat(evidence.forOwner(2).cases().find("某某金融")).isEmpty();
  }

  @Test
  void appendedAndImportedEventsAreChainedAndVerify() {
    db.history().append(missedCall(0), null, "screen");
    db.history().importAll(List.of(sms(1, THREAT), missedCall(2), missedCall(0)).iterator(), "sms.xml");
    db.history().append(missedCall(0), null, "screen"); // a duplicate: no new link
    Verification v = evidence.log().verify();
    assertThat(v.intact()).as(v.describe("en")).isTrue();
    assertThat(v.linksChecked()).isEqualTo(3);
    assertThat(evidence.log().size()).isEqualTo(3);
    assertThat(v.unchainedEvents()).isZero();
  }

  @Test
  void eventLinksAreStampedByTheDatabasesClock() throws SQLException {
    db.history().append(missedCall(0), null, "screen");
    db.history().importAll(List.of(sms(1, THREAT)).iterator(), "sms.xml");
    try (Connection c = connect(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT recorded_at FROM evidence_log ORDER BY seq")) {
      List<Long> stamps = new ArrayList<>();
      while (r.next()) {
        stamps.add(r.getLong(1));
      }
      assertThat(stamps).containsExactly(STORE_CLOCK.millis(), STORE_CLOCK.millis());
    }
  }

  @Test
  void oneChangedCharacterOfAStoredSmsFailsVerificationAtThatLink() throws SQLException {
    db.history().importAll(List.of(missedCall(0), sms(1, THREAT), missedCall(2)).iterator(), "sms.xml");
    assertThat(evidence.log().verify().intact()).isTrue();
    try (Connection c = connect(); PreparedStatement update = c.prepareStatement(
        "UPDATE history SET body = ? WHERE body = ?")) {
      update.setString(1, THREAT.replace("18:00", "19:00"));
      update.setString(2, THREAT);
      assertThat(update.executeUpdate()).isEqualTo(1);
    }
    Verification v = evidence.log().verify();
    assertThat(v.intact()).isFalse();
    assertThat(v.brokenAt().seq()).isEqualTo(2);
    assertThat(v.brokenAt().kind()).isEqualTo(LinkKind.EVENT);
    assertThat(v.describe("en")).contains("link 2", "changed");
  }

  @Test
  void aDeletedEventOrAnAlteredLinkFailsVerification() throws SQLException {
    db.history().importAll(List.of(missedCall(0), missedCall(1), missedCall(2)).iterator(), "calls.xml");
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.executeUpdate("DELETE FROM history WHERE id = (SELECT max(id) FROM history)");
    }
    assertThat(evidence.log().verify().brokenAt().seq()).isEqualTo(3);
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE evidence_log SET recorded_at = recorded_at + 1 WHERE seq = 1");
    }
    assertThat(evidence.log().verify().brokenAt().seq()).isEqualTo(1);
  }

  @Test
  void attachmentsAreStoredByDigestAndChained() throws IOException {
    db.history().append(missedCall(0), null, "screen");
    Case c = evidence.cases().create(new Case(0, "case", List.of(), null, null, T0));
    Path screenshot = Files.writeString(work.resolve("screenshot.png"), "not really a png 截图");
    Attachment a = evidence.cases().attach(c.id(), screenshot);
    assertThat(a.sha256()).isEqualTo(Sha256.of(Files.readAllBytes(screenshot)));
    assertThat(a.name()).isEqualTo("screenshot.png");
    assertThat(attachmentDir.resolve(a.sha256().substring(0, 2)).resolve(a.sha256())).exists();
    try (InputStream in = evidence.cases().open(a)) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).endsWith("截图");
    }
    assertThat(evidence.cases().attachments(c.id())).containsExactly(a);
    Verification v = evidence.log().verify();
    assertThat(v.intact()).isTrue();
    assertThat(v.linksChecked()).isEqualTo(2);
  }

  @Test
  void oneChangedByteOfAStoredAttachmentFailsVerificationAtThatLink() throws IOException {
    Case c = evidence.cases().create(new Case(0, "case", List.of(), null, null, T0));
    db.history().append(missedCall(0), null, "screen");
    Attachment a = evidence.cases().attach(c.id(), Files.write(work.resolve("rec.amr"), new byte[] {1, 2, 3, 4}));
    db.history().append(missedCall(1), null, "screen");
    Path stored = attachmentDir.resolve(a.sha256().substring(0, 2)).resolve(a.sha256());
    Files.write(stored, new byte[] {1, 2, 3, 5});
    Verification v = evidence.log().verify();
    assertThat(v.intact()).isFalse();
    assertThat(v.brokenAt().seq()).isEqualTo(2);
    assertThat(v.brokenAt().kind()).isEqualTo(LinkKind.ATTACHMENT);
    Files.delete(stored);
    assertThat(evidence.log().verify().problem()).contains("gone");
  }

  @Test
  void missingDirectoriesAndUnknownCasesAreRefused() {
    Case c = evidence.cases().create(new Case(0, "case", List.of(), null, null, T0));
    assertThatThrownBy(() -> evidence.cases().attach(c.id(), work.resolve("missing.png")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no such file");
    assertThatThrownBy(() -> evidence.cases().attach(c.id(), work))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a regular file");
    assertThatThrownBy(() -> evidence.cases().attach(c.id() + 100, work.resolve("x")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(evidence.log().size()).isZero();
  }

  @Test
  void eventsWrittenBehindTheStoresBackAreReportedThenChainedByTheNextWrite() throws SQLException {
    db.history().append(missedCall(0), null, "screen");
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO history (owner, channel, direction, at, raw_number, source, dedup_key"
          + " , presentation, call_type, duration_seconds) VALUES (1, 'call', 'in', 0, '', 'old', 'old-row',"
          + " 'allowed', 'missed', 0)");
    }
    Verification before = evidence.log().verify();
    assertThat(before.intact()).isTrue();
    assertThat(before.unchainedEvents()).isEqualTo(1);
    db.history().append(missedCall(5), null, "screen");
    Verification after = evidence.log().verify();
    assertThat(after.unchainedEvents()).isZero();
    assertThat(after.linksChecked()).isEqualTo(3);
  }

  /** Events whose stored form differs from the one appended: times in milliseconds, durations in seconds, no source. */
  static List<HistoryWriter.Appended> awkwardEvents(String extraText) {
    Reason reason = new Reason("已拦截：<script>alert(1)</script> \\ 换行\n第二行", "Blocked: \"quoted\" & <b>bold</b>");
    Verdict byRule = new Verdict(Action.BLOCK, "rule", 42L, Category.DEBT_COLLECTION, reason, COLLECTOR);
    Verdict noRule = new Verdict(Action.SILENCE, "stranger", null, null, reason, COLLECTOR);
    return List.of(
        new HistoryWriter.Appended(new CallEvent(T0.plusNanos(123_456_789), COLLECTOR, "170 1234 5678",
            Presentation.ALLOWED, CallType.ANSWERED, Duration.ofMillis(61_700), "张三\\n\"妈\"\n"), byRule, null),
        new HistoryWriter.Appended(sms(1, THREAT + " 😀🎉 " + extraText), noRule, "sms-backup.xml"),
        new HistoryWriter.Appended(new CallEvent(T0.plusSeconds(120), null, "", Presentation.RESTRICTED,
            CallType.MISSED, Duration.ZERO, null), null, ""),
        new HistoryWriter.Appended(sms(3, ""), byRule, "api"));
  }

  @Test
  void eventsAppendedTogetherAreLinkedExactlyAsTheyReadBack() {
    HistoryWriter writer = db.historyWriter(Database.LOCAL_OWNER);
    List<Long> ids = writer.appendAll(awkwardEvents(""));
    assertThat(ids).hasSize(4).doesNotHaveDuplicates();
    assertThat(writer.appendAll(awkwardEvents("")).subList(0, 2)).as("stored already: the same ids").isEqualTo(ids.subList(0, 2));
    writer.appendAll(List.of(new HistoryWriter.Appended(missedCall(9), null, "screen")));
    Verification v = evidence.log().verify();
    assertThat(v.intact()).as(v.problem()).isTrue();
    assertThat(v.linksChecked()).isEqualTo(5);
    assertThat(v.unchainedEvents()).isZero();
  }

  @Test
  void aLargeBatchWithRepeatsStoresEachEventOnceInOrder() {
    HistoryWriter writer = db.historyWriter(Database.LOCAL_OWNER);
    long before = writer.appendAll(List.of(new HistoryWriter.Appended(missedCall(200), null, "screen"))).get(0);
    List<HistoryWriter.Appended> batch = new ArrayList<>(); // 91 events, as a busy server batches them
    for (int i = 0; i < 88; i++) {
      int minute = i == 5 ? 3 : i == 70 ? 10 : i == 80 ? 200 : i; // repeats near, far, and one stored before
      batch.add(new HistoryWriter.Appended(i % 2 == 0 ? missedCall(minute) : sms(minute, "第" + minute + "条"), null, "screen"));
    }
    batch.add(batch.get(87)); // the previous event again
    batch.add(new HistoryWriter.Appended(missedCall(300), null, "screen"));
    batch.add(batch.get(0));
    List<Long> ids = writer.appendAll(batch);

    assertThat(ids).hasSize(91);
    assertThat(ids.get(80)).as("stored before").isEqualTo(before);
    assertThat(ids.get(88)).as("the same event later in the batch").isEqualTo(ids.get(87));
    assertThat(ids.get(90)).isEqualTo(ids.get(0));
    List<Long> firsts = ids.stream().distinct().filter(id -> id != before).toList(); // in order of first use
    assertThat(firsts).as("new events get new ids in the batch's order").hasSize(86).isSorted().doesNotHaveDuplicates()
        .allMatch(id -> id > before);
    assertThat(ids.get(5)).as("a repeated SMS: the first one's id").isEqualTo(ids.get(3));
    assertThat(ids.get(70)).isEqualTo(ids.get(10));
    assertThat(writer.appendAll(batch)).as("all stored already: the same ids").isEqualTo(ids);
    Verification v = evidence.log().verify();
    assertThat(v.intact()).as(v.problem()).isTrue();
    assertThat(v.linksChecked()).isEqualTo(87);
    assertThat(v.unchainedEvents()).isZero();
  }

  @Test
  void rowsWrittenBehindTheStoresBackAreLinkedWithTheNextBatch() throws SQLException {
    HistoryWriter writer = db.historyWriter(Database.LOCAL_OWNER);
    writer.appendAll(List.of(new HistoryWriter.Appended(missedCall(0), null, "screen")));
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO history (owner, channel, direction, at, raw_number, source, dedup_key"
          + " , presentation, call_type, duration_seconds) VALUES (1, 'call', 'in', 0, '', 'old', 'old-row',"
          + " 'allowed', 'missed', 0)");
    }
    writer.appendAll(awkwardEvents(""));
    Verification v = evidence.log().verify();
    assertThat(v.intact()).as(v.problem()).isTrue();
    assertThat(v.unchainedEvents()).isZero();
    assertThat(v.linksChecked()).isEqualTo(6);
  }

  @Test
  void aFailedImportLeavesNoLinks() {
    Iterator<Event> failing = new Iterator<>() {
      private int n;

      @Override
      public boolean hasNext() {
        return true;
      }

      @Override
      public Event next() {
        if (n == 5) {
          throw new NoSuchElementException("broken file");
        }
        return missedCall(n++);
      }
    };
    assertThatThrownBy(() -> db.history().importAll(failing, "bad.xml")).isInstanceOf(NoSuchElementException.class);
    assertThat(evidence.log().size()).isZero();
    db.history().importAll(Stream.of(missedCall(0)).iterator(), "good.xml");
    assertThat(evidence.log().verify().linksChecked()).isEqualTo(1);
  }

  @Test
  void ownersHaveSeparateChains() {
    db.history().append(missedCall(0), null, "screen");
    db.forOwner(2).history().append(missedCall(0), null, "screen");
    db.forOwner(2).history().append(missedCall(1), null, "screen");
    assertThat(evidence.log().size()).isEqualTo(1);
    assertThat(evidence.forOwner(2).log().verify().linksChecked()).isEqualTo(2);
  }
}
