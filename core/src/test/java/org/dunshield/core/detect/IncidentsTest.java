package org.dunshield.core.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dunshield.core.detect.Phone.at;
import static org.dunshield.core.detect.Phone.number;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.dunshield.core.classify.SmsClassifier;
import org.dunshield.core.contact.ContactBook;
import org.dunshield.core.event.CallEvent;
import org.dunshield.core.event.CallType;
import org.dunshield.core.event.Direction;
import org.dunshield.core.event.Event;
import org.dunshield.core.event.Presentation;
import org.dunshield.core.event.SmsEvent;
import org.dunshield.core.rule.RuleBook;
import org.dunshield.core.screen.Category;
import org.dunshield.core.settings.Settings;
import org.junit.jupiter.api.Test;

class IncidentsTest {
  private static CallEvent missed(String raw, Instant at) {
    var n = number(raw);
    return new CallEvent(at, n, raw, Presentation.ALLOWED, CallType.MISSED, Duration.ZERO, null);
  }

  private final Incidents incidents = new Incidents(DetectionSettings.defaults(), SmsClassifier.standard(),
      Settings.defaults(), RuleBook.indexed(List.of(), Phone.CN), ContactBook.of(Set.of(number("13700001234"))));

  @Test
  void oneIncidentGathersEveryCallOfTheAttackFromItsFirst() {
    List<Event> log = new ArrayList<>();
    String[] burst = {"13011110001", "15622220002", "18233330003", "13544440004", "17655550005", "15366660006", "18977770007"};
    for (int i = 0; i < burst.length; i++) {
      log.add(missed(burst[i], at("20:00:00").plusSeconds(20L * i)));
    }
    log.add(missed("13700001234", at("20:01:10")));
    log.add(missed("17188880002", at("22:30:00")));

    List<Incident> found = incidents.find(log);

    assertThat(found).hasSize(1);
    Incident attack = found.get(0);
    assertThat(attack.kind()).isEqualTo(Category.CALL_BOMBING);
    assertThat(attack.start()).isEqualTo(at("20:00:00"));
    assertThat(attack.end()).isEqualTo(at("20:02:00"));
    assertThat(attack.events()).hasSize(7);
    assertThat(attack.numbers()).extracting(n -> n.e164()).first().isEqualTo("+8613011110001");
    assertThat(attack.numbers()).hasSize(7).doesNotContain(number("13700001234"));
  }

  @Test
  void codeFloodsAreIncidentsToo() {
    List<Event> log = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      log.add(new SmsEvent(at("03:00:00").plusSeconds(10L * i), number("106900011" + i), "106900011" + i,
          Direction.INCOMING, "您的验证码是 5531" + i + "，5分钟内有效"));
    }

    assertThat(incidents.find(log)).singleElement().satisfies(i -> {
      assertThat(i.kind()).isEqualTo(Category.SMS_BOMBING);
      assertThat(i.events()).hasSize(6);
    });
  }

  @Test
  void quietHistoriesHaveNone() {
    assertThat(incidents.find(List.of(missed("17188880001", at("09:00:00"))))).isEmpty();
  }
}
