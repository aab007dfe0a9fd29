package org.dunshield.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dunshield.store.Fixtures.COLLECTOR;
import static org.dunshield.store.Fixtures.MUM;
import static org.dunshield.store.Fixtures.OFFICE;
import static org.dunshield.store.Fixtures.T0;
import static org.dunshield.store.Fixtures.callTo;
import static org.dunshield.store.Fixtures.failingAfter;
import static org.dunshield.store.Fixtures.generatedSms;
import static org.dunshield.store.Fixtures.missedCallFrom;
import static org.dunshield.store.Fixtures.smsFrom;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.dunshield.core.contact.Contact;
import org.dunshield.core.event.CallEvent;
import org.dunshield.core.event.CallType;
import org.dunshield.core.event.Direction;
import org.dunshield.core.event.Event;
import org.dunshield.core.event.Presentation;
import org.dunshield.core.event.SmsEvent;
import org.dunshield.core.history.HistoryEntry;
import org.dunshield.core.history.HistoryRepository;
import org.dunshield.core.history.ImportCount;
import org.dunshield.core.number.NumberKind;
import org.dunshield.core.number.PhoneNumber;
import org.dunshield.core.rule.ChannelScope;
import org.dunshield.core.rule.MatchKind;
import org.dunshield.core.rule.Rule;
import org.dunshield.core.rule.Schedule;
import org.dunshield.core.screen.Action;
import org.dunshield.core.screen.Category;
import org.dunshield.core.screen.Reason;
import org.dunshield.core.screen.Verdict;
import org.dunshield.core.settings.Mode;
import org.dunshield.core.settings.Settings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every store must do, whatever the database. Each test gets its own empty database from
 * {@link #open()}.
 */
abstract class StoreContract {
  private static final Rule BLOCK_COLLECTOR = new Rule(0, Action.BLOCK, MatchKind.EXACT, COLLECTOR.e164(),
      ChannelScope.BOTH, 10, "催收 collector", null);
  private static final Rule ALLOW_OFFICE_HOURS = new Rule(0, Action.ALLOW, MatchKind.PREFIX, "86216",
      ChannelScope.CALL, 5, "office", Schedule.parse("Mon-Fri 09:00-18:00"));
  private static final Rule SILENCE_VIRTUAL_SMS = new Rule(0, Action.SILENCE, MatchKind.TYPE, "virtual_mobile",
      ChannelScope.SMS, Rule.DEFAULT_PRIORITY, "", null);

  protected Database db;

  /** Opens this test's database, empty on the first call; later calls reopen the same one. */
  protected abstract Database open();

  /** A plain JDBC connection to this test's database, for looking behind the repositories. */
  protected abstract Connection connect() throws SQLException;

  @BeforeEach
  void openStore() {
    db = open();
  }

  @AfterEach
  void closeStore() {
    db.close();
  }

  // ---- rules

  @Test
  void rulesComeBackWithAssignedIdsInIdOrder() {
    Rule first = db.rules().add(BLOCK_COLLECTOR);
    Rule second = db.rules().add(ALLOW_OFFICE_HOURS);

    assertThat(first.id()).isPositive();
    assertThat(second.id()).isGreaterThan(first.id());
    assertThat(db.rules().list()).containsExactly(first, second);
    assertThat(db.rules().find(second.id())).contains(second);
    assertThat(second.schedule().text()).isEqualTo("Mon-Fri 09:00-18:00");
  }

  @Test
  void addAllStoresEveryRuleAndSurvivesReopening() {
    assertThat(db.rules().addAll(List.of(BLOCK_COLLECTOR, ALLOW_OFFICE_HOURS, SILENCE_VIRTUAL_SMS))).isEqualTo(3);
    db.close();
    db = open();

    assertThat(db.rules().list()).extracting(r -> r.withId(0))
        .containsExactly(BLOCK_COLLECTOR, ALLOW_OFFICE_HOURS, SILENCE_VIRTUAL_SMS);
  }

  @Test
  void addAllStoresNothingWhenOneRuleFails() {
    assertThatThrownBy(() -> db.rules().addAll(Arrays.asList(BLOCK_COLLECTOR, null)))
        .isInstanceOf(NullPointerException.class);

    assertThat(db.rules().list()).isEmpty();
  }

  @Test
  void removingARuleReportsWhetherItExisted() {
    Rule rule = db.rules().add(BLOCK_COLLECTOR);

    assertThat(db.rules().remove(rule.id())).isTrue();
    assertThat(db.rules().remove(rule.id())).isFalse();
    assertThat(db.rules().find(rule.id())).isEmpty();
  }

  @Test
  void aRemovedRulesIdIsNeverGivenAgain() {
    Rule first = db.rules().add(BLOCK_COLLECTOR);
    db.rules().remove(first.id());

    assertThat(db.rules().add(BLOCK_COLLECTOR).id()).isGreaterThan(first.id());
  }

  // ---- contacts

  @Test
  void contactsAreListedByNameWithTheirNumbersGrouped() {
    ImportCount count = db.contacts().importAll(List.of(
        new Contact("Zhang Wei", List.of(OFFICE)),
        new Contact("Mum", List.of(MUM, COLLECTOR))).iterator());

    assertThat(count).isEqualTo(new ImportCount(2, 0));
    assertThat(db.contacts().list()).containsExactly(
        new Contact("Mum", List.of(MUM, COLLECTOR)),
        new Contact("Zhang Wei", List.of(OFFICE)));
    assertThat(db.contacts().numbers()).isEqualTo(Set.of(MUM, COLLECTOR, OFFICE));
    assertThat(db.contacts().numbers()).filteredOn(n -> n.equals(COLLECTOR))
        .extracting(PhoneNumber::kind).containsExactly(NumberKind.VIRTUAL_MOBILE);
  }

  @Test
  void importingTheSameContactsTwiceSkipsThem() {
    List<Contact> book = List.of(new Contact("Mum", List.of(MUM)), new Contact("Office", List.of(OFFICE)));
    db.contacts().importAll(book.iterator());

    ImportCount again = db.contacts().importAll(List.of(
        new Contact("Mum", List.of(MUM)), new Contact("Office", List.of(OFFICE, COLLECTOR))).iterator());

    assertThat(again).isEqualTo(new ImportCount(1, 1));
    assertThat(db.contacts().list()).containsExactly(
        new Contact("Mum", List.of(MUM)), new Contact("Office", List.of(OFFICE, COLLECTOR)));
  }

  @Test
  void aContactImportThatFailsHalfwayStoresNothing() {
    Iterator<Contact> broken = new Iterator<>() {
      private boolean gave;

      @Override
      public boolean hasNext() {
        return true;
      }

      @Override
      public Contact next() {
        if (gave) {
          throw new IllegalStateException("vcard line 12: bad TEL");
        }
        gave = true;
        return new Contact("Mum", List.of(MUM));
      }
    };

    assertThatThrownBy(() -> db.contacts().importAll(broken)).hasMessage("vcard line 12: bad TEL");
    assertThat(db.contacts().list()).isEmpty();
  }

  // ---- settings

  @Test
  void settingsAreTheDefaultsUntilSaved() {
    assertThat(db.settings().load()).isEqualTo(Settings.defaults());
  }

  @Test
  void savedSettingsComeBackAndTheLastSaveWins() {
    Settings strict = Settings.defaults().with(Settings.MODE, "strangers").with(Settings.BLOCK_HIDDEN, "true");
    db.settings().save(strict);
    Settings later = strict.with(Settings.TIMEZONE, "Europe/Berlin").with(Settings.REPEAT_ALLOW_MINUTES, "0");
    db.settings().save(later);

    Settings loaded = db.settings().load();
    assertThat(loaded).isEqualTo(later);
    assertThat(loaded.mode()).isEqualTo(Mode.STRANGERS);
    assertThat(loaded.timezone()).isEqualTo(ZoneId.of("Europe/Berlin"));
  }

  // ---- history

  @Test
  void callsAndMessagesComeBackExactlyWithTheirVerdicts() {
    CallEvent hidden = new CallEvent(T0, null, "", Presentation.RESTRICTED, CallType.REJECTED, Duration.ZERO, null);
    CallEvent answered = new CallEvent(T0.plusMillis(1), MUM, "138 0013 8000", Presentation.ALLOWED,
        CallType.ANSWERED, Duration.ofSeconds(95), "Mum");
    SmsEvent alphanumeric = new SmsEvent(T0.plusMillis(2), null, "BANK", Direction.INCOMING, "");
    SmsEvent threat = smsFrom(COLLECTOR, T0.plusMillis(3), "再不还钱就去你单位 😠");
    Verdict blocked = new Verdict(Action.BLOCK, "user-rule", 7L, Category.THREAT,
        new Reason("命中规则 #7", "matched rule #7"), COLLECTOR);
    Verdict allowedHidden = new Verdict(Action.ALLOW, "default", null, null, new Reason("默认放行", "allowed by default"), null);

    long hiddenId = db.history().append(hidden, allowedHidden, "screen");
    db.history().append(answered, null, "calls.xml");
    db.history().append(alphanumeric, null, "sms.xml");
    long threatId = db.history().append(threat, blocked, "api");

    assertThat(db.history().list(null, null)).containsExactly(
        new HistoryEntry(hiddenId, hidden, allowedHidden, "screen"),
        new HistoryEntry(hiddenId + 1, answered, null, "calls.xml"),
        new HistoryEntry(hiddenId + 2, alphanumeric, null, "sms.xml"),
        new HistoryEntry(threatId, threat, blocked, "api"));
  }

  @Test
  void appendingTheSameEventTwiceKeepsOneEntry() {
    CallEvent call = missedCallFrom(COLLECTOR, T0);

    long first = db.history().append(call, null, "screen");
    long second = db.history().append(call, null, "screen");

    assertThat(second).isEqualTo(first);
    assertThat(db.history().list(null, null)).hasSize(1);
  }

  @Test
  void lastIdIsTheOwnersNewestRowAndZeroWhenThereIsNone() {
    assertThat(db.history().lastId()).isZero();
    long first = db.history().append(missedCallFrom(COLLECTOR, T0), null, "screen");
    long second = db.history().append(missedCallFrom(COLLECTOR, T0.plusSeconds(1)), null, "screen");
    db.forOwner(2).history().append(missedCallFrom(COLLECTOR, T0.plusSeconds(2)), null, "screen");

    assertThat(second).isGreaterThan(first);
    assertThat(db.history().lastId()).isEqualTo(second);
    assertThat(db.forOwner(2).history().lastId()).isGreaterThan(second);
    assertThat(db.history().newerThan(0)).isEqualTo(new HistoryRepository.Newer(2, second));
    assertThat(db.history().newerThan(first)).isEqualTo(new HistoryRepository.Newer(1, second));
    assertThat(db.history().newerThan(second)).isEqualTo(new HistoryRepository.Newer(0, second));
  }

  @Test
  void listIncludesItsStartAndExcludesItsEnd() {
    for (int minute = 0; minute < 5; minute++) {
      db.history().append(missedCallFrom(COLLECTOR, T0.plusSeconds(60L * minute)), null, "screen");
    }

    assertThat(times(db.history().list(T0.plusSeconds(60), T0.plusSeconds(180))))
        .containsExactly(T0.plusSeconds(60), T0.plusSeconds(120));
    assertThat(times(db.history().list(null, T0.plusSeconds(60)))).containsExactly(T0);
    assertThat(times(db.history().list(T0.plusSeconds(240), null))).containsExactly(T0.plusSeconds(240));
  }

  @Test
  void importingAFileTwiceAddsNothingTheSecondTime() {
    assertThat(db.history().importAll(generatedSms(2_500), "sms.xml")).isEqualTo(new ImportCount(2_500, 0));
    assertThat(db.history().importAll(generatedSms(3_000), "sms.xml")).isEqualTo(new ImportCount(500, 2_500));

    assertThat(db.history().list(null, null)).hasSize(3_000)
        .allSatisfy(e -> assertThat(e.source()).isEqualTo("sms.xml"));
  }

  @Test
  void duplicatesInsideOneImportAreSkipped() {
    SmsEvent sms = smsFrom(COLLECTOR, T0, "还钱");

    ImportCount count = db.history().importAll(List.of(sms, sms, smsFrom(COLLECTOR, T0, "还钱!")).iterator(), "a.xml");

    assertThat(count).isEqualTo(new ImportCount(2, 1));
  }

  @Test
  void anImportThatFailsHalfwayStoresNothingAndRethrows() {
    RuntimeException parseError = new IllegalArgumentException("sms.xml line 80412: unexpected end of file");

    assertThatThrownBy(() -> db.history().importAll(failingAfter(2_500, generatedSms(10_000), parseError), "sms.xml"))
        .isSameAs(parseError);

    assertThat(db.history().list(null, null)).isEmpty();
    assertThat(db.history().importAll(generatedSms(10), "sms.xml")).isEqualTo(new ImportCount(10, 0));
    assertThat(db.history().list(null, null)).hasSize(10);
  }

  @Test
  void callsFromFindsIncomingCallsOfThatNumberInsideTheWindowOldestFirst() {
    Instant since = T0.minusSeconds(600);
    db.history().importAll(List.<Event>of(
        missedCallFrom(COLLECTOR, T0),
        missedCallFrom(COLLECTOR, since),
        missedCallFrom(COLLECTOR, since.minusMillis(1)),
        missedCallFrom(COLLECTOR, T0.plusSeconds(1)),
        missedCallFrom(MUM, T0.minusSeconds(1)),
        callTo(COLLECTOR, T0.minusSeconds(2)),
        smsFrom(COLLECTOR, T0.minusSeconds(3), "还钱")).iterator(), "calls.xml");

    List<HistoryEntry> calls = db.history().callsFrom(COLLECTOR, since, T0.plusSeconds(1));

    assertThat(times(calls)).containsExactly(since, T0);
    assertThat(calls).allSatisfy(e -> assertThat(e.event().number()).isEqualTo(COLLECTOR));
  }

  @Test
  void incomingFindsEveryCallerOfOneChannelInsideTheWindowOldestFirst() {
    Instant since = T0.minusSeconds(120);
    CallEvent hidden = new CallEvent(T0.minusSeconds(30), null, "", Presentation.RESTRICTED, CallType.MISSED,
        Duration.ZERO, null);
    db.history().importAll(List.<Event>of(
        missedCallFrom(COLLECTOR, T0),
        missedCallFrom(MUM, since),
        hidden,
        missedCallFrom(OFFICE, since.minusMillis(1)),
        missedCallFrom(COLLECTOR, T0.plusSeconds(1)),
        callTo(MUM, T0.minusSeconds(2)),
        smsFrom(COLLECTOR, T0.minusSeconds(3), "还钱"),
        new SmsEvent(T0.minusSeconds(4), null, "BANK", Direction.INCOMING, "验证码 123456"),
        new SmsEvent(T0.minusSeconds(5), MUM, MUM.e164(), Direction.OUTGOING, "好的")).iterator(), "backup.xml");

    List<HistoryEntry> calls = db.history().incoming(org.dunshield.core.event.Channel.CALL, since, T0.plusSeconds(1));
    List<HistoryEntry> sms = db.history().incoming(org.dunshield.core.event.Channel.SMS, since, T0.plusSeconds(1));

    assertThat(times(calls)).containsExactly(since, T0.minusSeconds(30), T0);
    assertThat(calls).extracting(e -> e.event().number()).containsExactly(MUM, null, COLLECTOR);
    assertThat(times(sms)).containsExactly(T0.minusSeconds(4), T0.minusSeconds(3));
    assertThat(sms).extracting(e -> e.event().rawNumber()).containsExactly("BANK", COLLECTOR.e164());
  }

  @Test
  void dialledSeesOnlyOutgoingCallsToThatNumberInsideTheWindow() {
    db.history().append(callTo(MUM, T0), null, "calls.xml");
    db.history().append(missedCallFrom(OFFICE, T0), null, "calls.xml");
    db.history().append(new SmsEvent(T0, COLLECTOR, COLLECTOR.e164(), Direction.OUTGOING, "别打了"), null, "sms.xml");

    assertThat(db.history().dialled(MUM, T0, T0.plusMillis(1))).isTrue();
    assertThat(db.history().dialled(MUM, T0.plusMillis(1), T0.plusSeconds(60))).isFalse();
    assertThat(db.history().dialled(MUM, T0.minusSeconds(60), T0)).isFalse();
    assertThat(db.history().dialled(OFFICE, T0.minusSeconds(60), T0.plusSeconds(60))).isFalse();
    assertThat(db.history().dialled(COLLECTOR, T0.minusSeconds(60), T0.plusSeconds(60))).isFalse();
  }

  @Test
  void dialledCallsAreTheOutgoingCallsInsideTheWindowOldestFirst() {
    db.history().append(callTo(OFFICE, T0.plusSeconds(5)), null, "calls.xml");
    db.history().append(callTo(MUM, T0), null, "calls.xml");
    db.history().append(missedCallFrom(OFFICE, T0.plusSeconds(1)), null, "calls.xml");
    db.history().append(new SmsEvent(T0, COLLECTOR, COLLECTOR.e164(), Direction.OUTGOING, "别打了"), null, "sms.xml");
    db.forOwner(2).history().append(callTo(COLLECTOR, T0.plusSeconds(2)), null, "calls.xml");

    assertThat(db.history().dialledCalls(T0, T0.plusSeconds(60)))
        .extracting(e -> e.event().number()).containsExactly(MUM, OFFICE);
    assertThat(db.history().dialledCalls(T0.plusMillis(1), T0.plusSeconds(5))).isEmpty();
    assertThat(db.history().dialledCalls(T0.plusSeconds(5), Instant.ofEpochMilli(Long.MAX_VALUE)))
        .extracting(e -> e.event().number()).containsExactly(OFFICE);
  }

  // ---- owners

  @Test
  void oneOwnerNeverSeesAnotherOwnersRows() {
    Repositories other = db.forOwner(2);
    Rule othersRule = other.rules().add(BLOCK_COLLECTOR);
    other.contacts().importAll(List.of(new Contact("Mum", List.of(MUM))).iterator());
    other.settings().save(Settings.defaults().with(Settings.MODE, "block-all"));
    other.history().append(callTo(MUM, T0), null, "calls.xml");
    other.history().append(missedCallFrom(COLLECTOR, T0), null, "calls.xml");

    assertThat(db.rules().list()).isEmpty();
    assertThat(db.rules().find(othersRule.id())).isEmpty();
    assertThat(db.rules().remove(othersRule.id())).isFalse();
    assertThat(db.contacts().list()).isEmpty();
    assertThat(db.contacts().numbers()).isEmpty();
    assertThat(db.settings().load()).isEqualTo(Settings.defaults());
    assertThat(db.history().list(null, null)).isEmpty();
    assertThat(db.history().callsFrom(COLLECTOR, T0, T0.plusSeconds(1))).isEmpty();
    assertThat(db.history().dialled(MUM, T0, T0.plusSeconds(1))).isFalse();
    assertThat(db.forOwner(Database.LOCAL_OWNER)).isSameAs(db.forOwner(1));
    assertThat(other.rules().list()).containsExactly(othersRule);
  }

  @Test
  void twoOwnersMayImportTheSameEventsAndContacts() {
    db.history().importAll(generatedSms(100), "sms.xml");
    db.contacts().importAll(List.of(new Contact("Mum", List.of(MUM))).iterator());

    Repositories other = db.forOwner(2);
    assertThat(other.history().importAll(generatedSms(100), "sms.xml")).isEqualTo(new ImportCount(100, 0));
    assertThat(other.contacts().importAll(List.of(new Contact("Mum", List.of(MUM))).iterator()))
        .isEqualTo(new ImportCount(1, 0));
  }

  @Test
  void ownerIdsMustBePositive() {
    assertThatThrownBy(() -> db.forOwner(0)).isInstanceOf(IllegalArgumentException.class);
  }

  // ---- schema and failures

  @Test
  void openingAppliesEveryMigrationOnceInOrder() throws SQLException {
    List<String> applied = new ArrayList<>();
    try (Connection c = connect(); Statement s = c.createStatement();
        var rows = s.executeQuery("SELECT version, success FROM " + Migrations.HISTORY_TABLE + " ORDER BY installed_rank")) {
      while (rows.next()) {
        assertThat(rows.getBoolean(2)).isTrue();
        applied.add(rows.getString(1));
      }
    }

    assertThat(applied).first().isEqualTo("1");
    assertThat(applied).doesNotHaveDuplicates().last().isEqualTo(db.schemaVersion());
  }

  @Test
  void aDatabaseMigratedByANewerVersionIsRefused() throws SQLException {
    db.close();
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO " + Migrations.HISTORY_TABLE
          + " (installed_rank, version, description, type, script, checksum, installed_by, execution_time, success)"
          + " VALUES (99, '99', 'from the future', 'SQL', 'V99__from_the_future.sql', 0, 'test', 0, TRUE)");
    }

    assertThatThrownBy(this::open).isInstanceOf(StoreException.class).hasMessageContaining("newer");
  }

  @Test
  void aClosedDatabaseSaysWhichOperationFailed() {
    db.close();

    assertThatThrownBy(() -> db.rules().list())
        .isInstanceOf(StoreException.class).hasMessageContaining("list rules");
  }

  private static List<Instant> times(List<HistoryEntry> entries) {
    return entries.stream().map(e -> e.event().at()).toList();
  }
}
