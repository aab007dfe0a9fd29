package org.dunshield.core.screen;

import java.util.Locale;

/** What a caller or message is, when known (domain vocabulary section 7). Codes are persisted. */
public enum Category {
  DEBT_COLLECTION("debt_collection", "催收", "debt collection"),
  THREAT("threat", "威胁恐吓", "threat"),
  FRAUD("fraud", "诈骗", "fraud"),
  MARKETING("marketing", "营销推广", "marketing"),
  CALL_BOMBING("call_bombing", "呼死你轰炸", "call bombing"),
  SMS_BOMBING("sms_bombing", "短信轰炸", "SMS bombing"),
  ONE_RING("one_ring", "响一声", "one-ring call"),
  ROBOCALL("robocall", "自动外呼", "robocall"),
  VERIFICATION_CODE("verification_code", "验证码", "verification code"),
  NORMAL("normal", "正常", "normal"),
  INSTITUTION("institution", "机构", "institution"),
  DELIVERY("delivery", "快递外卖", "delivery");

  private final String code;
  private final String zh;
  private final String en;

  Category(String code, String zh, String en) {
    this.code = code;
    this.zh = zh;
    this.en = en;
  }

  public String code() {
    return code;
  }

  public String zh() {
    return zh;
  }

  public String en() {
    return en;
  }

  public static Category fromCode(String code) {
    String wanted = code.trim().toLowerCase(Locale.ROOT).replace('-', '_');
    for (Category c : values()) {
      if (c.code.equals(wanted)) {
        return c;
      }
    }
    throw new IllegalArgumentException("unknown category '" + code + "'; expected one of "
        + java.util.Arrays.stream(values()).map(Category::code).toList());
  }
}
