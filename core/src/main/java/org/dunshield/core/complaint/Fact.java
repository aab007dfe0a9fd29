package org.dunshield.core.complaint;

import java.util.Locale;

/**
 * A fact a complaint may need. Codes are what users type ({@code --fact name=张三}); facts marked
 * derived come from the case itself, {@link #OWN_NUMBER} from the setting {@code own-number}.
 */
public enum Fact {
  OWN_NUMBER("own-number", "举报人本人号码", "your own phone number",
      "set it once: dunshield settings set own-number 138xxxxxxxx"),
  NAME("name", "举报人姓名", "your name", "--fact name=..."),
  ID_NUMBER("id-number", "身份证号", "your ID number", "--fact id-number=..."),
  CARRIER("carrier", "所属运营商", "your carrier", "--fact carrier=中国移动|中国联通|中国电信"),
  REGION("region", "号码归属地（省市）", "your number's province and city", "--fact region=..."),
  INSTITUTION("institution", "被投诉机构名称", "the institution's name", "--fact institution=..."),
  CONTRACT_ID("contract-id", "借款合同编号", "the loan contract number", "--fact contract-id=..."),
  CARRIER_REPLY("carrier-reply", "运营商此前的答复", "the carrier's earlier reply",
      "--fact carrier-reply=... (12300 takes complaints only after the carrier answered)"),
  RULE_BROKEN("rule-broken", "违反的规范", "the rule broken",
      "found by the conduct analysis or calls in forbidden hours; else --fact rule-broken=..."),
  REPORTED_NUMBERS("reported-numbers", "被举报号码", "the reported numbers",
      "derived: give the case --numbers or add events with a caller number"),
  EVENTS("events", "事实经过（通话或短信记录）", "the facts (calls or SMS)",
      "derived: the case has no events; import the phone's backup or widen the case"),
  REQUEST("request", "诉求", "what you ask for", "--fact request=... (each channel has a default)");

  private final String code;
  private final String zh;
  private final String en;
  private final String hint;

  Fact(String code, String zh, String en, String hint) {
    this.code = code;
    this.zh = zh;
    this.en = en;
    this.hint = hint;
  }

  public String code() {
    return code;
  }

  public String label(String language) {
    return "zh".equals(language) ? zh : en;
  }

  /** How the user supplies it. */
  public String hint() {
    return hint;
  }

  /** Whether it comes from the case rather than from the user. */
  public boolean derived() {
    return this == REPORTED_NUMBERS || this == EVENTS;
  }

  public static Fact fromCode(String code) {
    String c = code.trim().toLowerCase(Locale.ROOT);
    for (Fact f : values()) {
      if (f.code.equals(c)) {
        return f;
      }
    }
    StringBuilder known = new StringBuilder();
    for (Fact f : values()) {
      if (!f.derived()) {
        known.append(known.length() == 0 ? "" : ", ").append(f.code);
      }
    }
    throw new IllegalArgumentException("unknown fact '" + code + "'; expected one of " + known);
  }
}
