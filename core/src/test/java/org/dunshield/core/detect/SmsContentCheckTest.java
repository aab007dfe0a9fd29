package org.dunshield.core.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dunshield.core.detect.Phone.at;

import org.dunshield.core.screen.Action;
import org.dunshield.core.screen.Category;
import org.dunshield.core.screen.Verdict;
import org.junit.jupiter.api.Test;

/** The messages of the shared sms.xml sample, screened. */
class SmsContentCheckTest {
  private final Phone phone = new Phone().contact("13700001234");

  @Test
  void blocksThreatsAndCollectionDemands() {
    Verdict threat = phone.sms("17188880002", "再不还钱明天去你公司，让你同事都知道你是老赖！", at("22:35:00"));
    Verdict demand = phone.sms("17188880001", "您好，您在快钱花的借款已逾期20天，请今天下午六点前还款。", at("09:15:00"));

    assertThat(threat.action()).isEqualTo(Action.BLOCK);
    assertThat(threat.category()).isEqualTo(Category.THREAT);
    assertThat(threat.check()).isEqualTo("sms-content");
    assertThat(demand.action()).isEqualTo(Action.BLOCK);
    assertThat(demand.category()).isEqualTo(Category.DEBT_COLLECTION);
  }

  @Test
  void silencesMarketingAndLabelsCodes() {
    Verdict advert = phone.sms("106575550000", "【美团】双十一特惠，外卖红包天天领，退订回T", at("18:00:00"));
    Verdict code = phone.sms("1069000111", "【中国银行】验证码 662019，用于登录手机银行，5分钟内有效。", at("08:00:00"));

    assertThat(advert.action()).isEqualTo(Action.SILENCE);
    assertThat(advert.category()).isEqualTo(Category.MARKETING);
    assertThat(code.action()).isEqualTo(Action.ALLOW);
    assertThat(code.category()).isEqualTo(Category.VERIFICATION_CODE);
  }

  @Test
  void contactsAreNotReadAndNormalMessagesPassByDefault() {
    assertThat(phone.sms("13700001234", "再不回家吃饭，菜都凉了，老赖！", at("12:00:00")).check()).isEqualTo("contact");
    assertThat(phone.sms("13912345678", "明天上午十点开会，记得带上季度报表。", at("12:05:00")).check()).isEqualTo("default");
  }
}
