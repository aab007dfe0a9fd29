package org.dunshield.core.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dunshield.core.detect.Phone.at;

import java.time.Instant;
import org.dunshield.core.screen.Action;
import org.dunshield.core.screen.Category;
import org.dunshield.core.screen.Verdict;
import org.junit.jupiter.api.Test;

class RedialCheckTest {
  private static final String COLLECTOR = "17188880001";

  @Test
  void labelsRepeatedCallsAndBlocksPastThreeADay() {
    Phone phone = new Phone();
    phone.settings = phone.settings.with("repeat-allow-minutes", "0");

    Verdict first = phone.call(COLLECTOR, at("09:10:00"));
    Verdict second = phone.call(COLLECTOR, at("10:10:00"));
    Verdict third = phone.call(COLLECTOR, at("11:10:00"));
    Verdict fourth = phone.call(COLLECTOR, at("12:10:00"));

    assertThat(first.check()).isEqualTo("default");
    assertThat(second.action()).isEqualTo(Action.ALLOW);
    assertThat(second.category()).isEqualTo(Category.DEBT_COLLECTION);
    assertThat(second.reason().en()).isEqualTo("the 2nd call today from this number: looks like a collector redialling");
    assertThat(third.check()).isEqualTo("label");
    assertThat(fourth.action()).isEqualTo(Action.BLOCK);
    assertThat(fourth.check()).isEqualTo("redial");
    assertThat(fourth.reason().en()).contains("4th call today").contains("over the limit of 3 a day");
  }

  @Test
  void countsTheWholeBlockWhenConsecutiveNumbersTakeTurns() {
    Phone phone = new Phone();
    phone.call("17188880001", at("09:00:00"));
    phone.call("17188880002", at("10:00:00"));
    phone.call("17188880003", at("11:00:00"));

    Verdict v = phone.call("17188880004", at("12:00:00"));

    assertThat(v.action()).isEqualTo(Action.BLOCK);
    assertThat(v.reason().en()).contains("block +8617188880xxx (4 numbers)");
  }

  @Test
  void aNewDayInTheUsersTimeZoneStartsAgain() {
    Phone phone = new Phone();
    for (int i = 0; i < 4; i++) {
      phone.call(COLLECTOR, at("20:00:00").plusSeconds(3600L * i));
    }

    Instant nextMorning = Instant.parse("2026-10-13T00:30:00+08:00");
    assertThat(phone.call(COLLECTOR, nextMorning).check()).isEqualTo("default");
  }

  @Test
  void contactsAndTheirBlockNeverCount() {
    Phone phone = new Phone().contact("17188880009");
    for (int i = 0; i < 5; i++) {
      assertThat(phone.call("17188880009", at("09:00:00").plusSeconds(3600L * i)).check()).isEqualTo("contact");
    }

    assertThat(phone.call(COLLECTOR, at("15:00:00")).check()).isEqualTo("default");
  }

  @Test
  void theLimitIsASetting() {
    Phone phone = new Phone();
    phone.detection = phone.detection.with("redial.daily-limit", "1").with("redial.block-digits", "0");
    phone.call(COLLECTOR, at("09:00:00"));

    assertThat(phone.call(COLLECTOR, at("10:00:00")).action()).isEqualTo(Action.BLOCK);
    assertThat(phone.call("17188880002", at("10:30:00")).action()).isEqualTo(Action.ALLOW);
  }

  @Test
  void inStrangersModeTheModeDecidesBelowTheLimit() {
    Phone phone = new Phone();
    phone.settings = phone.settings.with("mode", "strangers").with("repeat-allow-minutes", "0");
    phone.call(COLLECTOR, at("09:00:00"));

    assertThat(phone.call(COLLECTOR, at("10:00:00")).check()).isEqualTo("mode");
  }
}
