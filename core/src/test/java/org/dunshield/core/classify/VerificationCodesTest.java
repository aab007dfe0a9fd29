package org.dunshield.core.classify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VerificationCodesTest {
  @Test
  void findsCodesNearACodeWordInChineseAndEnglish() {
    assertThat(VerificationCodes.looksLikeCode("【中国银行】验证码 662019，用于登录手机银行，5分钟内有效。")).isTrue();
    assertThat(VerificationCodes.looksLikeCode("【网易】063420（动态验证码），您正在进行身份验证")).isTrue();
    assertThat(VerificationCodes.looksLikeCode("Your Google verification code is 384950.")).isTrue();
    assertThat(VerificationCodes.looksLikeCode("Your OTP: 1234")).isTrue();
    assertThat(VerificationCodes.looksLikeCode("验证码：８１２０４８")).as("full-width digits").isTrue();
  }

  @Test
  void ignoresNumbersThatAreNotCodes() {
    assertThat(VerificationCodes.looksLikeCode("您的逾期欠款共计26,000元，请联系专员15915740200")).isFalse();
    assertThat(VerificationCodes.looksLikeCode("请把验证码发给我")).as("no digits").isFalse();
    assertThat(VerificationCodes.looksLikeCode("验证码 13812345678")).as("a phone number is no code").isFalse();
    assertThat(VerificationCodes.looksLikeCode("the barcode 123456 is on the box")).as("code inside a word").isFalse();
    assertThat(VerificationCodes.looksLikeCode("验证码费用 12,480.66 元")).as("an amount is no code").isFalse();
    assertThat(VerificationCodes.looksLikeCode("")).isFalse();
    assertThat(VerificationCodes.looksLikeCode(null)).isFalse();
  }
}
