package org.dunshield.core.complaint;

import static org.dunshield.core.complaint.Fact.CARRIER_REPLY;
import static org.dunshield.core.complaint.Fact.CONTRACT_ID;
import static org.dunshield.core.complaint.Fact.EVENTS;
import static org.dunshield.core.complaint.Fact.ID_NUMBER;
import static org.dunshield.core.complaint.Fact.INSTITUTION;
import static org.dunshield.core.complaint.Fact.NAME;
import static org.dunshield.core.complaint.Fact.OWN_NUMBER;
import static org.dunshield.core.complaint.Fact.REGION;
import static org.dunshield.core.complaint.Fact.REPORTED_NUMBERS;
import static org.dunshield.core.complaint.Fact.RULE_BROKEN;

import java.util.List;
import java.util.Locale;

/**
 * Where a complaint goes (domain notes §5), the facts it must carry and what it asks for by default.
 * Codes are what users type ({@code --channel 12321}).
 */
public enum ComplaintChannel {
  POLICE("police", "公安机关（110 / 96110）", "Police (110 / 96110)",
      List.of(EVENTS, REPORTED_NUMBERS),
      "请依法调查上述号码背后的催收人员对本人的威胁、骚扰行为，并予以处理。",
      "Please investigate the threats and harassment from the people behind these numbers and deal with them under the law."),
  CARRIER("carrier", "运营商客服（10086 / 10010 / 10000）", "Carrier customer service (10086 / 10010 / 10000)",
      List.of(OWN_NUMBER, REPORTED_NUMBERS, EVENTS),
      "请核查并封停上述骚扰号码，并为本人号码开通防骚扰（防呼死你）保护服务。",
      "Please check and freeze the numbers above, and turn on harassment (call-bombing) protection for my number."),
  C12321("12321", "12321 网络不良与垃圾信息举报受理中心", "12321 spam and harassment reporting centre",
      List.of(OWN_NUMBER, REPORTED_NUMBERS, EVENTS),
      "请对上述骚扰电话和短信依法处置。",
      "Please act on the harassing calls and SMS above."),
  C12300("12300", "工业和信息化部电信用户申诉受理中心（12300）", "MIIT telecom user complaint centre (12300)",
      List.of(NAME, ID_NUMBER, OWN_NUMBER, Fact.CARRIER, REGION, EVENTS, CARRIER_REPLY),
      "运营商的处理不能解决问题，请督促运营商封停上述号码并为本人提供防骚扰保护。",
      "The carrier's answer did not solve the problem; please have the carrier freeze these numbers and protect my number."),
  C12378("12378", "银行保险消费者投诉维权热线（12378）", "Financial consumer hotline of the regulator (12378)",
      List.of(NAME, OWN_NUMBER, INSTITUTION, EVENTS),
      "请责令该机构及其委托的催收机构停止违规催收，停止联系第三人，并依法处理。",
      "Please order the institution and its collection agencies to stop improper collection and third-party contact, and deal with it under the rules."),
  LENDER("lender", "贷款机构及其行业协会", "The lender and its industry association",
      List.of(INSTITUTION, CONTRACT_ID, EVENTS, RULE_BROKEN),
      "请立即停止违规催收和联系第三人，并书面答复；本人愿意就还款安排（延期或分期）进行协商。",
      "Please stop the improper collection and all third-party contact at once and answer in writing; I am willing to negotiate a repayment plan (deferral or instalments).");

  private final String code;
  private final String recipientZh;
  private final String recipientEn;
  private final List<Fact> required;
  private final String requestZh;
  private final String requestEn;

  ComplaintChannel(String code, String recipientZh, String recipientEn, List<Fact> required,
      String requestZh, String requestEn) {
    this.code = code;
    this.recipientZh = recipientZh;
    this.recipientEn = recipientEn;
    this.required = required;
    this.requestZh = requestZh;
    this.requestEn = requestEn;
  }

  public String code() {
    return code;
  }

  public String recipient(String language) {
    return "zh".equals(language) ? recipientZh : recipientEn;
  }

  /** The facts without which this channel does not take the complaint. */
  public List<Fact> required() {
    return required;
  }

  /** What the complaint asks for unless the user says otherwise. */
  public String defaultRequest(String language) {
    return "zh".equals(language) ? requestZh : requestEn;
  }

  public static ComplaintChannel fromCode(String code) {
    String c = code.trim().toLowerCase(Locale.ROOT);
    for (ComplaintChannel ch : values()) {
      if (ch.code.equals(c)) {
        return ch;
      }
    }
    throw new IllegalArgumentException("unknown channel '" + code
        + "'; expected one of police, carrier, 12321, 12300, 12378, lender");
  }
}
