package org.dunshield.core.loan;

import java.util.List;

/**
 * What default really leads to, stated accurately (../shared/docs/domain.md section 6), so that
 * borrowers are neither frightened by collectors' threats nor careless about real consequences.
 */
public final class DefaultConsequences {
  private static final List<String> EN =
      List.of(
          "Negative credit records are kept for 5 years after the debt is settled, and the lender"
              + " must notify you before reporting one.",
          "You can get two free credit reports a year and dispute wrong entries; the answer is due"
              + " within 20 days.",
          "The court list of dishonest debtors applies only after a judgment, and only to people"
              + " who can pay but do not: being unable to pay is not a ground.",
          "Lenders may agree a deferral or an instalment plan, though nothing forces them to; a"
              + " well-argued written request matters.");
  private static final List<String> ZH =
      List.of(
          "不良信用记录自欠款结清之日起保存5年；金融机构报送不良信息前应当通知本人。",
          "每人每年可免费查询两次信用报告，对错误记录可以提出异议，机构应在20日内答复。",
          "法院的失信被执行人名单只在判决生效之后、且只针对有履行能力而拒不履行的人；无力偿还不是纳入失信名单的理由。",
          "贷款机构可以同意延期或分期还款，但没有义务同意；一份有理有据的书面申请很重要。");

  private DefaultConsequences() {}

  public static List<String> of(Language language) {
    return language == Language.ZH ? ZH : EN;
  }
}
