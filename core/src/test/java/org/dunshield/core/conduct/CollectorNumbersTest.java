package org.dunshield.core.conduct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dunshield.core.conduct.History.number;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.dunshield.core.campaign.Campaign;
import org.dunshield.core.classify.SmsClassifier;
import org.dunshield.core.contact.ContactBook;
import org.dunshield.core.detect.Trust;
import org.dunshield.core.rule.RuleBook;
import org.dunshield.core.settings.Settings;
import org.junit.jupiter.api.Test;

class CollectorNumbersTest {
  private final Trust trust = new Trust(ContactBook.of(Set.of(number("13700001234"))), RuleBook.indexed(List.of(), History.CN),
      Settings.defaults());

  @Test
  void collectorsAreWhoSendCollectionMessagesPlusTheirCampaignAndNamedNumbers() {
    History h = new History().sms("17188880001", "2026-10-12T09:15:00", "您的借款已逾期20天，请今天还款。")
        .missed("17188880002", "2026-10-12T10:00:00").missed("13912345678", "2026-10-12T11:00:00")
        .sms("13700001234", "2026-10-12T12:00:00", "你欠我的饭钱什么时候还？逾期了哦");
    Campaign c = new Campaign("campaign-1", List.of(number("17188880001"), number("17188880002")), List.of(), 1, 1,
        Instant.EPOCH, Instant.EPOCH, List.of());

    var found = CollectorNumbers.find(h.entries, List.of(c), SmsClassifier.standard(), trust, List.of(number("15500001111")));

    assertThat(found).containsOnlyKeys(number("17188880001"), number("17188880002"), number("15500001111"));
    assertThat(found.get(number("17188880002"))).isEqualTo("campaign-1");
    assertThat(found.get(number("15500001111"))).isEqualTo("+8615500001111");
  }
}
