package org.dunshield.core.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dunshield.core.detect.Phone.at;

import org.dunshield.core.screen.Action;
import org.dunshield.core.screen.Category;
import org.dunshield.core.screen.Verdict;
import org.junit.jupiter.api.Test;

class OneRingCheckTest {
  @Test
  void silencesUnknownInternationalCallersWithAdviceNotToCallBack() {
    Verdict v = new Phone().call("+222 4512 3456", at("03:00:00"));

    assertThat(v.action()).isEqualTo(Action.SILENCE);
    assertThat(v.category()).isEqualTo(Category.ONE_RING);
    assertThat(v.reason().en()).contains("do not call back");
    assertThat(v.reason().zh()).contains("请勿回拨");
  }

  @Test
  void internationalContactsAndDomesticStrangersAreNotOneRing() {
    Phone phone = new Phone().contact("+44 20 7946 0018");

    assertThat(phone.call("+44 20 7946 0018", at("03:00:00")).check()).isEqualTo("contact");
    assertThat(phone.call("13912345678", at("03:05:00")).check()).isEqualTo("default");
  }

  @Test
  void canBeSwitchedOff() {
    Phone phone = new Phone();
    phone.detection = phone.detection.with("one-ring.enabled", "off");

    assertThat(phone.call("+222 4512 3456", at("03:00:00")).action()).isEqualTo(Action.ALLOW);
  }
}
