package org.dunshield.core.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dunshield.core.detect.Phone.at;

import java.util.ArrayList;
import java.util.List;
import org.dunshield.core.screen.Action;
import org.dunshield.core.screen.Category;
import org.dunshield.core.screen.Verdict;
import org.junit.jupiter.api.Test;

class SmsBombingCheckTest {
  private static final String[][] CODES = {
    {"1069000111", "【京东】您的验证码是：482913。如非本人操作，请忽略本短信。"},
    {"1069000222", "【淘宝】验证码 772747，5分钟内有效，请勿泄露。"},
    {"1069000333", "【滴滴】您的验证码是：597764。如非本人操作，请忽略本短信。"},
    {"1069000444", "【美团】您的登录验证码为 104412，10分钟内有效。"},
    {"1069000555", "【携程】验证码：812048（携程登录验证），有效期10分钟。"},
    {"1069000666", "【拼多多】您正在修改登录密码，验证码 332190，若非本人操作请立即联系客服。"},
  };

  @Test
  void silencesCodesFromTheFifthOfABurstButNeverBlocksOne() {
    Phone phone = new Phone();
    List<Verdict> verdicts = new ArrayList<>();
    for (int i = 0; i < CODES.length; i++) {
      verdicts.add(phone.sms(CODES[i][0], CODES[i][1], at("03:10:00").plusSeconds(30L * i)));
    }

    assertThat(verdicts.subList(0, 4)).allSatisfy(v -> {
      assertThat(v.action()).isEqualTo(Action.ALLOW);
      assertThat(v.category()).isEqualTo(Category.VERIFICATION_CODE);
    });
    assertThat(verdicts.subList(4, 6)).allSatisfy(v -> {
      assertThat(v.action()).isEqualTo(Action.SILENCE);
      assertThat(v.category()).isEqualTo(Category.SMS_BOMBING);
    });
    assertThat(verdicts).noneMatch(v -> v.action() == Action.BLOCK);
    assertThat(verdicts.get(5).reason().en()).contains("6 verification codes from 6 senders since 03:10")
        .contains("never blocked");
  }

  @Test
  void otherMessagesDuringTheAttackAreJudgedOnTheirOwn() {
    Phone phone = new Phone().contact("13700001234");
    for (int i = 0; i < 5; i++) {
      phone.sms(CODES[i][0], CODES[i][1], at("03:10:00").plusSeconds(30L * i));
    }

    assertThat(phone.sms("13700001234", "妈，我到了", at("03:13:00")).action()).isEqualTo(Action.ALLOW);
    assertThat(phone.sms("13912345678", "周末一起吃饭吗？", at("03:13:10")).check()).isNotEqualTo("sms-bombing");
  }

  @Test
  void aFewCodesFromOneServiceAreNoAttack() {
    Phone phone = new Phone();
    for (int i = 0; i < 6; i++) {
      Verdict v = phone.sms("1069000111", "【京东】您的验证码是：48291" + i + "。如非本人操作，请忽略本短信。",
          at("03:10:00").plusSeconds(30L * i));
      assertThat(v.category()).isEqualTo(Category.VERIFICATION_CODE);
    }
  }
}
