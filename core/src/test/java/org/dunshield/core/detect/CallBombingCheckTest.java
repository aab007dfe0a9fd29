package org.dunshield.core.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dunshield.core.detect.Phone.at;

import java.util.ArrayList;
import java.util.List;
import org.dunshield.core.screen.Action;
import org.dunshield.core.screen.Category;
import org.dunshield.core.screen.Verdict;
import org.junit.jupiter.api.Test;

class CallBombingCheckTest {
  /** The burst of the shared calls.xml sample: seven numbers, one every 20 s from 20:00:00. */
  private static final String[] BURST = {
    "13011110001", "15622220002", "18233330003", "13544440004", "17655550005", "15366660006", "18977770007"
  };

  private static String clock(int i) {
    int seconds = 20 * i;
    return String.format("20:%02d:%02d", seconds / 60, seconds % 60);
  }

  @Test
  void blocksTheAttackFromTheFifthCallOfSevenNumbersWithinTwoMinutes() {
    Phone phone = new Phone();
    List<Verdict> verdicts = new ArrayList<>();
    for (int i = 0; i < BURST.length; i++) {
      verdicts.add(phone.call(BURST[i], at(clock(i))));
    }

    assertThat(verdicts.subList(0, 4)).extracting(Verdict::action).containsOnly(Action.ALLOW);
    assertThat(verdicts.subList(4, 7)).allSatisfy(v -> {
      assertThat(v.action()).isEqualTo(Action.BLOCK);
      assertThat(v.check()).isEqualTo("call-bombing");
      assertThat(v.category()).isEqualTo(Category.CALL_BOMBING);
    });
    assertThat(verdicts.get(4).reason().en()).contains("5 calls from 5 unknown numbers since 20:00");
    assertThat(verdicts.get(6).reason().zh()).contains("7 次来电来自 7 个陌生号码");
  }

  @Test
  void contactsAndAllowedNumbersStillRingDuringTheAttack() {
    Phone phone = new Phone().contact("13700001234").allow("13900005678");
    for (int i = 0; i < 5; i++) {
      phone.call(BURST[i], at(clock(i)));
    }

    assertThat(phone.call("13700001234", at("20:01:30")).action()).isEqualTo(Action.ALLOW);
    assertThat(phone.call("13900005678", at("20:01:35")).action()).isEqualTo(Action.ALLOW);
    assertThat(phone.call("18977770007", at("20:01:40")).action()).isEqualTo(Action.BLOCK);
  }

  @Test
  void contactsCallingOftenNeverTripIt() {
    Phone phone = new Phone().contact("13700001234").contact("13900005678");
    for (int i = 0; i < 6; i++) {
      phone.call(i % 2 == 0 ? "13700001234" : "13900005678", at(clock(i)));
    }

    assertThat(phone.call(BURST[0], at("20:02:00")).action()).isEqualTo(Action.ALLOW);
  }

  @Test
  void suspendsTheRepeatCallerExceptionWhileUnderAttack() {
    Phone phone = new Phone();
    for (int i = 0; i < 5; i++) {
      phone.call(BURST[i], at(clock(i)));
    }

    Verdict again = phone.call(BURST[4], at("20:01:50"));

    assertThat(again.action()).isEqualTo(Action.BLOCK);
    assertThat(again.check()).isEqualTo("call-bombing");
  }

  @Test
  void hiddenCallersAreBlockedDuringTheAttackToo() {
    Phone phone = new Phone();
    for (int i = 0; i < 5; i++) {
      phone.call(BURST[i], at(clock(i)));
    }

    assertThat(phone.call(null, at("20:01:45")).category()).isEqualTo(Category.CALL_BOMBING);
  }

  @Test
  void fewNumbersRedialingAreNoBombing() {
    Phone phone = new Phone();
    phone.detection = phone.detection.with("redial.enabled", "false");
    for (int i = 0; i < 6; i++) {
      assertThat(phone.call(BURST[i % 3], at(clock(i))).check()).isNotEqualTo("call-bombing");
    }
  }

  @Test
  void theAttackEndsByItselfAfterTenQuietMinutes() {
    Phone phone = new Phone();
    for (int i = 0; i < 6; i++) {
      phone.call(BURST[i], at(clock(i)));
    }

    assertThat(phone.call("13311112222", at("20:11:30")).check()).as("9m50s after the last attack call").isEqualTo("call-bombing");
    assertThat(phone.call("13311113333", at("20:21:31")).action()).as("10m01s of quiet").isEqualTo(Action.ALLOW);
  }

  @Test
  void callsSpreadOverMoreThanTheWindowDoNotTripIt() {
    Phone phone = new Phone();
    for (int i = 0; i < 7; i++) {
      assertThat(phone.call(BURST[i], at("20:00:00").plusSeconds(31L * i)).action()).isEqualTo(Action.ALLOW);
    }
  }

  @Test
  void aDisabledDetectorNeverBlocks() {
    Phone phone = new Phone();
    phone.detection = phone.detection.with("call-bombing.enabled", "false");
    for (int i = 0; i < 7; i++) {
      assertThat(phone.call(BURST[i], at(clock(i))).check()).isNotEqualTo("call-bombing");
    }
  }
}
