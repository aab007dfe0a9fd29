package org.dunshield.core.report;

import java.util.ArrayList;
import java.util.List;
import org.dunshield.core.loan.DefaultConsequences;
import org.dunshield.core.loan.Language;

/**
 * The short bilingual page on the user's rights and the real consequences of default, from the
 * domain notes §4–§6. Reports and complaints link to it; {@code docs/evidence.md} quotes it.
 */
public final class Guidance {
  private static final List<String> RIGHTS_ZH = List.of(
      "催收只能在 08:00 至 22:00 之间进行（中国互联网金融协会 2024 年指引；银行业协会指引同样禁止 22:00-08:00 未经同意的催收）。",
      "每天接通的催收电话不超过 3 次（互金协会 2024），对同一号码每天未接通的拨打不超过 6 次（银行业协会）。",
      "催收只能针对借款人本人，不得联系您的亲友、同事等无关第三人；借款 App 收集通讯录并非必要信息。",
      "威胁、辱骂、冒充公检法、虚构“黑名单”、公开曝光、诱导借新还旧都是被禁止的；《民法典》第一千零三十三条禁止以电话、短信侵扰他人私人生活。",
      "反复发送威胁、侮辱信息可能构成违反治安管理的行为，可向公安机关（110、96110）报案。",
      "骚扰电话和短信可向 12321 举报，可请运营商（10086、10010、10000）封停号码或开通防骚扰服务；对运营商处理不满意可向 12300 申诉；对银行、消费金融和小贷公司的不当催收可拨打 12378。");
  private static final List<String> RIGHTS_EN = List.of(
      "Collection contact is allowed only between 08:00 and 22:00 (NIFA 2024 guideline; the China Banking Association guideline also bans 22:00-08:00 without consent).",
      "At most 3 connected collection calls a day (NIFA 2024), and at most 6 unanswered attempts a day to one number (Banking Association).",
      "Collectors may contact only you, not your family, colleagues or friends; your contacts are not data a lending app needs.",
      "Threats, insults, impersonating courts or police, fake blacklists, public exposure and pushing new loans are banned; Civil Code art. 1033 forbids disturbing private life by phone or SMS.",
      "Repeated threatening or insulting messages can be a public-order offence: report them to the police (110, 96110).",
      "Report harassing calls and SMS to 12321; ask your carrier (10086, 10010, 10000) to freeze numbers or turn on call-bombing protection; complain to 12300 if the carrier's answer is unsatisfactory; report improper collection by banks, consumer-finance and microloan companies to 12378.");

  private Guidance() {}

  public static String title(String language) {
    return ReportText.GUIDANCE.in(language);
  }

  /** Your rights, one paragraph each. */
  public static List<String> rights(String language) {
    return "zh".equals(language) ? RIGHTS_ZH : RIGHTS_EN;
  }

  /** The real consequences of default, one paragraph each. */
  public static List<String> consequences(String language) {
    return DefaultConsequences.of("zh".equals(language) ? Language.ZH : Language.EN);
  }

  /** Both parts with their subheadings, as paragraphs. */
  public static List<String> paragraphs(String language) {
    boolean zh = "zh".equals(language);
    List<String> all = new ArrayList<>();
    all.add(zh ? "您的权利" : "Your rights");
    all.addAll(rights(language));
    all.add(zh ? "逾期的真实后果" : "What default really leads to");
    all.addAll(consequences(language));
    return all;
  }
}
