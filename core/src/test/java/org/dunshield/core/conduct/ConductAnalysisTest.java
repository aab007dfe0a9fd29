package org.dunshield.core.conduct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dunshield.core.conduct.History.number;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.dunshield.core.classify.SmsClassifier;
import org.dunshield.core.number.PhoneNumber;
import org.junit.jupiter.api.Test;

class ConductAnalysisTest {
  private static final String A = "17188880001";
  private static final String B = "17188880002";
  private final ConductAnalysis analysis = new ConductAnalysis(SmsClassifier.standard(), ZoneId.of("Asia/Shanghai"));
  private final Map<PhoneNumber, String> collectors = Map.of(number(A), "campaign-1", number(B), "campaign-1");

  private List<Violation> check(History h, String set, boolean thirdParty) {
    return analysis.analyze(h.entries, List.of(RuleSet.load(set)), collectors, thirdParty);
  }

  @Test
  void callsAndMessagesAtNightBreakTheQuietHoursInTheUsersTimeZone() {
    History h = new History().missed(A, "2026-10-12T22:30:00").sms(B, "2026-10-13T07:59:00", "今天必须还款")
        .missed(A, "2026-10-13T08:00:00").missed("13912345678", "2026-10-13T23:00:00");

    List<Violation> v = check(h, "cn-nifa-2024", false).stream().filter(x -> x.kind().equals("forbidden-hours")).toList();

    assertThat(v).hasSize(2);
    assertThat(v.get(0).rule()).isEqualTo("cn-nifa-2024/quiet-hours");
    assertThat(v.get(0).day()).isEqualTo(LocalDate.of(2026, 10, 12));
    assertThat(v.get(1).events()).hasSize(1);
    assertThat(v.get(1).numbers()).containsExactly(number(B));
    assertThat(v.get(1).detail().en()).isEqualTo("1 contact in forbidden hours (22:00–08:00) on 2026-10-13: 07:59 message");
  }

  @Test
  void moreThanThreeConnectedCallsADayBreakNifa2024AndSixUnansweredBreakCba2026() {
    History h = new History();
    for (int i = 0; i < 4; i++) {
      h.answered(i % 2 == 0 ? A : B, "2026-10-12T1" + i + ":00:00", 30);
    }
    for (int i = 0; i < 7; i++) {
      h.missed(A, "2026-10-13T1" + i + ":00:00");
    }

    List<Violation> nifa = check(h, "cn-nifa-2024", false);
    List<Violation> cba = check(h, "cn-cba-2026", false);

    assertThat(nifa).filteredOn(v -> v.kind().equals("calls-per-day")).singleElement().satisfies(v -> {
      assertThat(v.events()).hasSize(4);
      assertThat(v.numbers()).containsExactlyInAnyOrder(number(A), number(B));
      assertThat(v.detail().en()).isEqualTo("4 connected calls on 2026-10-12, limit 3");
    });
    assertThat(cba).filteredOn(v -> v.kind().equals("calls-per-day")).singleElement().satisfies(v ->
        assertThat(v.detail().en()).isEqualTo("7 unanswered calls on 2026-10-13, limit 6"));
  }

  @Test
  void regFPresumesHarassmentAboveSevenCallsInSevenDaysAndAfterAConversation() {
    History h = new History().answered(A, "2026-10-01T10:00:00", 120);
    for (int i = 2; i <= 7; i++) {
      h.missed(B, "2026-10-0" + i + "T10:00:00");
    }
    h.missed(A, "2026-10-07T23:59:00");
    h.missed(A, "2026-10-20T11:00:00");

    List<Violation> v = check(h, "us-reg-f", false);

    assertThat(v).filteredOn(x -> x.kind().equals("calls-in-period")).singleElement().satisfies(x -> {
      assertThat(x.events()).hasSize(8);
      assertThat(x.detail().en()).isEqualTo("more than 7 calls within 7 days between 2026-10-01 and 2026-10-07 (8 calls)");
    });
    assertThat(v).filteredOn(x -> x.kind().equals("after-conversation")).singleElement().satisfies(x -> {
      assertThat(x.events()).hasSize(8);
      assertThat(x.detail().en()).isEqualTo("7 calls within 7 days after the conversation at 2026-10-01 10:00");
    });
  }

  @Test
  void contactingSomeoneWhoIsNotTheDebtorBreaksTheThirdPartyRulesOnlyWhenTheyAreNot() {
    History h = new History().missed(A, "2026-10-12T10:00:00");

    assertThat(check(h, "cn-nifa-2024", false)).isEmpty();
    assertThat(check(h, "cn-nifa-2024", true)).singleElement().satisfies(v ->
        assertThat(v.detail().en()).isEqualTo("you are not the debtor, yet this collector contacted you 1 time"));
    assertThat(check(h, "us-reg-f", true)).as("one location call is allowed").isEmpty();
    h.sms(B, "2026-10-12T11:00:00", "你朋友李明欠我们平台12,000元逾期不还，请转告他尽快还款。");
    assertThat(check(h, "us-reg-f", true)).singleElement().satisfies(v ->
        assertThat(v.detail().en()).contains("2 times").contains("1 message naming the debt"));
  }

  @Test
  void threateningMessagesBreakEverySet() {
    History h = new History().sms(B, "2026-10-12T12:35:00", "再不还钱明天去你公司，让你同事都知道你是老赖！")
        .sms(A, "2026-10-12T12:40:00", "您的借款已逾期，请今天还款。");

    for (String set : RuleSet.shipped()) {
      assertThat(check(h, set, false)).as(set).filteredOn(v -> v.kind().equals("content")).singleElement()
          .satisfies(v -> assertThat(v.numbers()).containsExactly(number(B)));
    }
  }

  @Test
  void numbersThatAreNotCollectorsAreNeverCounted() {
    History h = new History().sms("13912345678", "2026-10-12T23:35:00", "再不还钱明天去你公司，让你同事都知道你是老赖！");

    assertThat(check(h, "cn-nifa-2024", true)).isEmpty();
  }
}
