package org.dunshield.core.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.dunshield.core.classify.SmsClassifier;
import org.dunshield.core.contact.ContactBook;
import org.dunshield.core.detect.DetectionSettings;
import org.dunshield.core.detect.Trust;
import org.dunshield.core.event.CallEvent;
import org.dunshield.core.event.CallType;
import org.dunshield.core.event.Direction;
import org.dunshield.core.event.Event;
import org.dunshield.core.event.Presentation;
import org.dunshield.core.event.SmsEvent;
import org.dunshield.core.history.HistoryEntry;
import org.dunshield.core.number.NumberParser;
import org.dunshield.core.number.PhoneNumber;
import org.dunshield.core.rule.RuleBook;
import org.dunshield.core.screen.Category;
import org.dunshield.core.settings.Settings;
import org.junit.jupiter.api.Test;

class CampaignsTest {
  private static final NumberParser CN = NumberParser.forRegion("CN");
  private final List<HistoryEntry> history = new ArrayList<>();
  private final Campaigns campaigns = new Campaigns(CampaignSettings.defaults(), DetectionSettings.defaults(),
      SmsClassifier.standard(), new Trust(ContactBook.of(Set.of(CN.parse("13700001234"))), RuleBook.indexed(List.of(), CN),
      Settings.defaults()));

  private static Instant at(String t) {
    return Instant.parse(t + "+08:00");
  }

  private void add(Event e) {
    history.add(new HistoryEntry(history.size() + 1, e, null, "test"));
  }

  private void call(String raw, String t) {
    PhoneNumber n = CN.parse(raw);
    add(new CallEvent(at(t), n, raw, Presentation.ALLOWED, CallType.MISSED, Duration.ZERO, null));
  }

  private void sms(String raw, String t, String text) {
    add(new SmsEvent(at(t), CN.parse(raw), raw, Direction.INCOMING, text));
  }

  private static List<String> numbers(Campaign c) {
    return c.numbers().stream().map(PhoneNumber::e164).toList();
  }

  @Test
  void numbersOfOneBlockAreOneCampaign() {
    call("17188880001", "2026-10-12T09:10:00");
    call("17188880002", "2026-10-12T22:30:00");
    call("17188881234", "2026-10-12T22:40:00");

    assertThat(campaigns.find(history)).singleElement().satisfies(c -> {
      assertThat(c.id()).isEqualTo("campaign-1");
      assertThat(numbers(c)).containsExactly("+8617188880001", "+8617188880002");
      assertThat(c.links()).singleElement().satisfies(l -> {
        assertThat(l.kind()).isEqualTo(Link.Kind.BLOCK);
        assertThat(l.detail()).isEqualTo("+8617188880xxx");
      });
      assertThat(c.calls()).isEqualTo(2);
    });
  }

  @Test
  void numbersSendingOneTemplateAreOneCampaign() {
    sms("13811112222", "2026-10-12T09:00:00", "王先生，您在速借钱包的借款已逾期45天，应还金额3,999元，请尽快处理。");
    sms("15933334444", "2026-10-13T09:00:00", "王先生，您在速借钱包的借款已逾期46天，应还金额4,120元，请尽快处理。");
    sms("18655556666", "2026-10-13T10:00:00", "晚上回家吃饭吗？");

    assertThat(campaigns.find(history)).singleElement().satisfies(c -> {
      assertThat(numbers(c)).containsExactly("+8613811112222", "+8615933334444");
      assertThat(c.links()).extracting(Link::kind).containsOnly(Link.Kind.TEMPLATE);
      assertThat(c.categories()).containsExactly(Category.DEBT_COLLECTION);
      assertThat(c.messages()).isEqualTo(2);
    });
  }

  @Test
  void numbersTakingTurnsAgainAndAgainOrBombingTogetherAreOneCampaign() {
    call("13811112222", "2026-10-12T09:00:00");
    call("15933334444", "2026-10-12T09:01:00");
    call("13811112222", "2026-10-12T15:00:00");
    call("15933334444", "2026-10-12T15:01:30");
    String[] burst = {"13011110001", "15622220002", "18233330003", "13544440004", "17655550005"};
    for (int i = 0; i < burst.length; i++) {
      call(burst[i], "2026-10-12T20:00:0" + i);
    }

    List<Campaign> found = campaigns.find(history);

    assertThat(found).hasSize(2);
    assertThat(numbers(found.get(0))).containsExactly("+8613811112222", "+8615933334444");
    assertThat(found.get(0).links()).singleElement().satisfies(l -> assertThat(l.detail()).contains("2 times"));
    assertThat(found.get(1).numbers()).hasSize(5);
    assertThat(found.get(1).links()).singleElement().satisfies(l ->
        assertThat(l.detail()).isEqualTo("call_bombing 2026-10-12 20:00 to 20:00"));
  }

  @Test
  void contactsAndLoneCallersAreInNoCampaign() {
    call("13700001234", "2026-10-12T09:00:00");
    call("13700001235", "2026-10-12T09:05:00");
    call("13912345678", "2026-10-12T10:00:00");

    assertThat(campaigns.find(history)).isEmpty();
  }
}
