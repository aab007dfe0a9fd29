package org.dunshield.core.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.dunshield.core.evidence.Case;
import org.dunshield.core.evidence.Events;
import org.dunshield.core.history.HistoryEntry;
import org.dunshield.core.report.CaseReport;
import org.dunshield.core.report.ConductFindings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ComplaintsTest {
  private static final Instant NOW = Instant.parse("2026-10-15T00:00:00Z");
  private static final List<HistoryEntry> HISTORY = List.of(
      Events.missedCall(1, Events.COLLECTOR, "2026-10-12T15:30:00Z"),
      Events.sms(2, Events.COLLECTOR, "2026-10-14T02:05:00Z", Events.THREAT));

  private static CaseReport report(String lang) {
    Case c = new Case(1, "某某金融", List.of(Events.COLLECTOR), null, null, NOW);
    return CaseReport.build(c, HISTORY, List.of(), null, ConductFindings.NONE, ZoneId.of("Asia/Shanghai"), lang, NOW);
  }

  private static Map<Fact, String> everyFact() {
    Map<Fact, String> facts = new EnumMap<>(Fact.class);
    facts.put(Fact.OWN_NUMBER, "+8613800138000");
    facts.put(Fact.NAME, "张三");
    facts.put(Fact.ID_NUMBER, "110101199001011234");
    facts.put(Fact.CARRIER, "中国移动");
    facts.put(Fact.REGION, "北京");
    facts.put(Fact.INSTITUTION, "某某消费金融有限公司");
    facts.put(Fact.CONTRACT_ID, "HT-2026-0001");
    facts.put(Fact.CARRIER_REPLY, "已登记，无法封停");
    return facts;
  }

  @ParameterizedTest
  @EnumSource(ComplaintChannel.class)
  void everyChannelListsEachOfItsMissingUserFactsAtOnce(ComplaintChannel channel) {
    List<Fact> userFacts = channel.required().stream().filter(f -> !f.derived() && f != Fact.RULE_BROKEN).toList();
    if (userFacts.isEmpty()) {
      assertThat(Complaints.draft(channel, report("en"), Map.of()).text()).contains(channel.recipient("en"));
      return;
    }
    assertThatThrownBy(() -> Complaints.draft(channel, report("en"), Map.of()))
        .isInstanceOfSatisfying(MissingFactsException.class, e -> {
          assertThat(e.missing()).containsExactlyElementsOf(userFacts);
          userFacts.forEach(f -> assertThat(e.getMessage()).contains(f.code()));
        });
  }

  @ParameterizedTest
  @EnumSource(ComplaintChannel.class)
  void everyChannelRefusesAComplaintWithoutEvents(ComplaintChannel channel) {
    Case empty = new Case(2, "empty", List.of(Events.OTHER), null, null, NOW);
    CaseReport none = CaseReport.build(empty, List.of(), List.of(), null, ConductFindings.NONE, ZoneId.of("UTC"), "zh", NOW);
    assertThatThrownBy(() -> Complaints.draft(channel, none, everyFact()))
        .isInstanceOfSatisfying(MissingFactsException.class, e -> assertThat(e.missing()).contains(Fact.EVENTS));
  }

  @ParameterizedTest
  @EnumSource(ComplaintChannel.class)
  void everyChannelsDraftCarriesTheUneditedSmsTheNumbersAndTheRequest(ComplaintChannel channel) {
    String text = Complaints.draft(channel, report("zh"), everyFact()).text();
    assertThat(text).contains(Events.THREAT, "+8617012345678", channel.defaultRequest("zh"), channel.recipient("zh"));
    if (channel.required().contains(Fact.OWN_NUMBER)) {
      assertThat(text).contains("+8613800138000");
    }
  }

  @Test
  void twelve300NeedsTheCarriersEarlierReply() {
    Map<Fact, String> facts = everyFact();
    facts.remove(Fact.CARRIER_REPLY);
    assertThatThrownBy(() -> Complaints.draft(ComplaintChannel.C12300, report("zh"), facts))
        .hasMessageContaining("carrier-reply");
  }

  @Test
  void theLenderComplaintCitesTheQuietHourRuleOrNeedsOneNamed() {
    assertThat(Complaints.draft(ComplaintChannel.LENDER, report("en"), everyFact()).text()).contains("cn-nifa-2024");
    Case daytime = new Case(3, "day", List.of(Events.COLLECTOR), Instant.parse("2026-10-13T00:00:00Z"), null, NOW);
    CaseReport r = CaseReport.build(daytime, HISTORY, List.of(), null, ConductFindings.NONE, ZoneId.of("Asia/Shanghai"), "en", NOW);
    assertThatThrownBy(() -> Complaints.draft(ComplaintChannel.LENDER, r, everyFact())).hasMessageContaining("rule-broken");
    Map<Fact, String> facts = everyFact();
    facts.put(Fact.RULE_BROKEN, "contacted my employer");
    assertThat(Complaints.draft(ComplaintChannel.LENDER, r, facts).text()).contains("contacted my employer");
  }

  @Test
  void unknownChannelsAndFactsAreNamed() {
    assertThatThrownBy(() -> ComplaintChannel.fromCode("fax")).hasMessageContaining("unknown channel 'fax'");
    assertThatThrownBy(() -> Fact.fromCode("age")).hasMessageContaining("unknown fact 'age'");
  }
}
