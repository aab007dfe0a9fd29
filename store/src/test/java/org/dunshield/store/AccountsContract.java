package org.dunshield.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dunshield.store.Fixtures.COLLECTOR;
import static org.dunshield.store.Fixtures.MUM;
import static org.dunshield.store.Fixtures.T0;
import static org.dunshield.store.Fixtures.missedCallFrom;
import static org.dunshield.store.Fixtures.smsFrom;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.dunshield.core.history.HistoryEntry;
import org.dunshield.core.screen.Action;
import org.dunshield.core.screen.Reason;
import org.dunshield.core.screen.Verdict;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Accounts, sessions, tokens, the audit log and the paged history, on every database (migration 5). */
abstract class AccountsContract {
  protected abstract Database open();

  private Database db;

  @BeforeEach
  void openDatabase() {
    db = open();
  }

  @AfterEach
  void closeDatabase() {
    db.close();
  }

  @Test
  void aUserNameIsTakenOnce() {
    AccountStore accounts = db.accounts();
    assertThat(accounts.create("ada", "hash-a", T0)).isPresent();
    assertThat(accounts.create("ada", "hash-b", T0)).isEmpty();
    assertThat(accounts.find("ada").orElseThrow().passwordHash()).isEqualTo("hash-a");
    assertThat(accounts.count()).isEqualTo(1);
  }

  @Test
  void sessionsExpireAndEndWithSignOut() {
    AccountStore accounts = db.accounts();
    long id = accounts.create("ada", "h", T0).orElseThrow().id();
    accounts.addSession(new AccountStore.Session("s1", id, "csrf1", T0, T0.plus(Duration.ofHours(1))));
    assertThat(accounts.session("s1", T0.plusSeconds(60))).map(AccountStore.Session::csrf).contains("csrf1");
    assertThat(accounts.session("s1", T0.plus(Duration.ofHours(2)))).isEmpty();
    accounts.removeSession("s1");
    assertThat(accounts.session("s1", T0.plusSeconds(60))).isEmpty();
  }

  @Test
  void aTokenIsRevokedOnlyByItsOwner() {
    AccountStore accounts = db.accounts();
    long ada = accounts.create("ada", "h", T0).orElseThrow().id();
    long bob = accounts.create("bob", "h", T0).orElseThrow().id();
    AccountStore.ApiToken token = accounts.addToken(ada, "phone", "th", T0);
    assertThat(accounts.tokenOwner("th")).hasValue(ada);
    assertThat(accounts.revokeToken(bob, token.id())).isFalse();
    assertThat(accounts.tokens(bob)).isEmpty();
    assertThat(accounts.revokeToken(ada, token.id())).isTrue();
    assertThat(accounts.tokenOwner("th")).isEmpty();
  }

  @Test
  void auditEntriesBelongToTheirOwner() {
    AccountStore accounts = db.accounts();
    accounts.audit(7L, T0, "sign_in", "ok", "127.0.0.1");
    accounts.audit(null, T0, "sign_in_failed", "user 'x'", "127.0.0.1");
    assertThat(accounts.audit(7, 10)).extracting(AccountStore.AuditEntry::action).containsExactly("sign_in");
    assertThat(accounts.audit(8, 10)).isEmpty();
  }

  @Test
  void pagesWalkTheHistoryNewestFirstWithoutGapsOrRepeats() {
    Repositories ada = db.forOwner(2);
    for (int i = 0; i < 25; i++) {
      ada.history().append(missedCallFrom(i % 2 == 0 ? COLLECTOR : MUM, T0.plusSeconds(i / 2 * 60L)),
          i % 2 == 0 ? block() : null, "test");
    }
    db.forOwner(3).history().append(missedCallFrom(COLLECTOR, T0), block(), "test");
    HistoryQueries q = db.historyQueries(2);
    List<Long> seen = new ArrayList<>();
    HistoryQueries.Cursor cursor = null;
    do {
      HistoryQueries.Page page = q.page(HistoryQueries.Filter.ALL, cursor, 10);
      page.entries().forEach(e -> seen.add(e.id()));
      cursor = page.next();
    } while (cursor != null);
    assertThat(seen).hasSize(25).doesNotHaveDuplicates();
    HistoryQueries.Page blocked = q.page(new HistoryQueries.Filter(null, "block", "+86170", null, null, null), null, 100);
    assertThat(blocked.entries()).hasSize(13).allMatch(e -> e.event().number().equals(COLLECTOR));
    assertThat(q.page(new HistoryQueries.Filter(null, "none", null, null, null, null), null, 100).entries()).hasSize(12);
  }

  @Test
  void sqlLookingSearchTextIsJustText() {
    Repositories ada = db.forOwner(2);
    ada.history().append(smsFrom(COLLECTOR, T0, "pay 100% now' OR 1=1 --"), block(), "test");
    ada.history().append(smsFrom(MUM, T0.plusSeconds(1), "dinner?"), null, "test");
    HistoryQueries q = db.historyQueries(2);
    assertThat(q.page(new HistoryQueries.Filter(null, null, null, "' OR 1=1 --", null, null), null, 10).entries())
        .extracting(HistoryEntry::id).hasSize(1);
    assertThat(q.page(new HistoryQueries.Filter(null, null, null, "100%", null, null), null, 10).entries()).hasSize(1);
    assertThat(q.page(new HistoryQueries.Filter(null, null, null, "_", null, null), null, 10).entries()).isEmpty();
  }

  @Test
  void dashboardCountsAndTopNumbersSeeOnlyTheOwner() {
    Repositories ada = db.forOwner(2);
    ada.history().append(missedCallFrom(COLLECTOR, T0), block(), "test");
    ada.history().append(missedCallFrom(COLLECTOR, T0.plus(Duration.ofDays(1))), block(), "test");
    ada.history().append(missedCallFrom(MUM, T0.plus(Duration.ofDays(1))), null, "test");
    db.forOwner(3).history().append(missedCallFrom(MUM, T0), block(), "test");
    HistoryQueries q = db.historyQueries(2);
    List<HistoryQueries.DayCount> counts = q.countsByDay(T0.minus(Duration.ofDays(1)), T0.plus(Duration.ofDays(3)),
        ZoneOffset.ofHours(8));
    assertThat(counts).contains(new HistoryQueries.DayCount(LocalDate.of(2024, 5, 1), "call", "block", 1),
        new HistoryQueries.DayCount(LocalDate.of(2024, 5, 2), "call", "block", 1),
        new HistoryQueries.DayCount(LocalDate.of(2024, 5, 2), "call", null, 1));
    assertThat(q.topNumbers("block", Instant.EPOCH, 5))
        .containsExactly(new HistoryQueries.NumberCount(COLLECTOR.e164(), 2));
    assertThat(q.find(db.historyQueries(3).page(HistoryQueries.Filter.ALL, null, 1).entries().get(0).id())).isEmpty();
  }

  @Test
  void aBatchOfAppendsIsStoredAndChainedLikeSingleAppends(@org.junit.jupiter.api.io.TempDir java.nio.file.Path attachments) {
    db.forOwner(2).history().append(missedCallFrom(MUM, T0), null, "test");
    List<Long> ids = db.historyWriter(2).appendAll(List.of(
        new HistoryWriter.Appended(missedCallFrom(COLLECTOR, T0.plusSeconds(1)), block(), "api"),
        new HistoryWriter.Appended(smsFrom(COLLECTOR, T0.plusSeconds(2), "pay"), null, "api"),
        new HistoryWriter.Appended(missedCallFrom(MUM, T0), null, "again")));
    assertThat(ids).hasSize(3).doesNotHaveDuplicates();
    assertThat(ids.get(2)).as("an event already stored keeps its id")
        .isEqualTo(db.forOwner(2).history().list(null, null).get(0).id());
    assertThat(db.forOwner(2).history().list(null, null)).hasSize(3);
    assertThat(db.forOwner(3).history().list(null, null)).isEmpty();
    var verification = EvidenceStore.of(db, attachments, java.time.Clock.systemUTC()).forOwner(2).log().verify();
    assertThat(verification.intact()).isTrue();
    assertThat(verification.unchainedEvents()).isZero();
    assertThat(verification.linksChecked()).isEqualTo(3);
  }

  private static Verdict block() {
    return new Verdict(Action.BLOCK, "rule", 1L, null, new Reason("拦截", "blocked"), null);
  }
}
