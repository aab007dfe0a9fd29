package org.dunshield.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.dunshield.core.evidence.Case;
import org.dunshield.core.evidence.Events;
import org.dunshield.core.history.HistoryEntry;
import org.junit.jupiter.api.Test;

class CaseReportTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final Instant NOW = Instant.parse("2026-10-15T00:00:00Z");

  static final List<HistoryEntry> HISTORY = List.of(
      Events.missedCall(1, Events.COLLECTOR, "2026-10-12T15:30:00Z"), // 23:30 local: quiet hours
      Events.missedCall(2, Events.COLLECTOR, "2026-10-14T02:00:00Z"), // 10:00 local
      Events.sms(3, Events.COLLECTOR, "2026-10-14T02:05:00Z", Events.THREAT),
      Events.missedCall(4, Events.OTHER, "2026-10-14T03:00:00Z"));

  static Case collectorCase() {
    return new Case(1, "某某金融", List.of(Events.COLLECTOR), null, null, NOW);
  }

  @Test
  void countsOnlyTheCasesNumbersAndFillsEveryDay() {
    CaseReport r = CaseReport.build(collectorCase(), HISTORY, List.of(), null, ConductFindings.NONE, SHANGHAI, "zh", NOW);
    assertThat(r.events()).hasSize(3);
    assertThat(r.summary().incomingCalls()).isEqualTo(2);
    assertThat(r.summary().quietHourCalls()).isEqualTo(1);
    assertThat(r.summary().incomingSms()).isEqualTo(1);
    assertThat(r.callsPerDay()).extracting(Counted::label).containsExactly("2026-10-12", "2026-10-13", "2026-10-14");
    assertThat(r.callsPerDay()).extracting(Counted::count).containsExactly(1, 0, 1);
    assertThat(r.callsByHour().get(23).count()).isEqualTo(1);
    assertThat(r.topNumbers()).containsExactly(new Counted("+8617012345678", 3));
    assertThat(r.conductAnalysed()).isFalse();
  }

  @Test
  void anEmptyCaseIsAValidReportThatSaysSo() {
    Case none = new Case(2, "nobody", List.of(Events.OTHER), Instant.parse("2020-01-01T00:00:00Z"),
        Instant.parse("2020-02-01T00:00:00Z"), NOW);
    CaseReport r = CaseReport.build(none, HISTORY, List.of(), null, ConductFindings.NONE, SHANGHAI, "en", NOW);
    assertThat(r.empty()).isTrue();
    assertThat(r.summary().first()).isNull();
    assertThat(r.callsPerDay()).isEmpty();
    assertThat(r.callsByHour()).hasSize(24);
    assertThat(ReportText.EMPTY_CASE.in("en")).contains("no calls or SMS");
  }

  @Test
  void violationsComeFromTheConductAnalysisWhenThereIsOne() {
    ConductFindings oneRule = (events, zone) -> List.of(new Violation("cn-nifa-2024", "22:00-08:00 不得催收",
        "no collection between 22:00 and 08:00", events.get(0).event().at(), Events.COLLECTOR, "", ""));
    CaseReport r = CaseReport.build(collectorCase(), HISTORY, List.of(), null, oneRule, SHANGHAI, "en", NOW);
    assertThat(r.conductAnalysed()).isTrue();
    assertThat(r.violations()).singleElement().extracting(Violation::ruleSet).isEqualTo("cn-nifa-2024");
  }

  @Test
  void guidanceCoversRightsAndTheRealConsequencesInBothLanguages() {
    assertThat(String.join("\n", Guidance.paragraphs("zh"))).contains("22:00", "5年", "失信被执行人");
    assertThat(String.join("\n", Guidance.paragraphs("en"))).contains("22:00", "5 years", "dishonest debtors");
  }
}
