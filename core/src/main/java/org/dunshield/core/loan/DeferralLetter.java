package org.dunshield.core.loan;

import java.math.BigDecimal;

/**
 * Drafts a polite, specific request to the lender to agree a {@link DeferralPlan}, in Chinese or
 * English. The text names the contract, the amounts, the plan and what is asked; the borrower fills
 * in the bracketed parts (name, reason, contact). Thread-safe.
 */
public final class DeferralLetter {
  private DeferralLetter() {}

  public static String render(Contract contract, DeferralPlan plan, Language language) {
    return language == Language.ZH ? zh(contract, plan) : en(contract, plan);
  }

  private static String en(Contract c, DeferralPlan p) {
    String cur = c.currency().getCurrencyCode();
    String lender = c.lender().name().isEmpty() ? "the lender" : c.lender().name();
    StringBuilder b = new StringBuilder();
    b.append("To: ").append(lender).append('\n');
    b.append("Date: ").append(p.asOf()).append('\n');
    b.append("Subject: Request for a repayment plan for the loan signed on ")
        .append(c.signed()).append("\n\n");
    b.append("Dear Sir or Madam,\n\n");
    b.append("I am writing about the loan contract signed on ").append(c.signed())
        .append(" for ").append(m(c.amount())).append(' ').append(cur)
        .append(" (").append(m(c.netReceived())).append(" actually received).")
        .append(" I intend to repay what I owe and ask you to agree a plan that I can keep.\n\n");
    b.append("My situation: [explain briefly and truthfully, e.g. loss of income, illness]. ")
        .append("After essential living costs I can pay ").append(m(p.budget())).append(' ')
        .append(cur).append(" a month.\n\n");
    OverdueReport s = p.standing();
    b.append("As of ").append(p.asOf()).append(", the principal outstanding is ")
        .append(m(s.outstandingPrincipal())).append(' ').append(cur);
    if (s.daysOverdue() > 0) {
      b.append(", ").append(s.daysOverdue()).append(" days overdue");
    }
    b.append(".\n\nI propose:\n");
    b.append("1. To repay ").append(m(p.toRepay())).append(' ').append(cur)
        .append(" (the principal and the interest and fees already due) in ").append(p.months())
        .append(" monthly instalments of ").append(m(p.instalment())).append(' ').append(cur)
        .append(", the first on ").append(p.firstDue()).append(".\n");
    b.append("2. ").append(enTreatment(p)).append('\n');
    if (p.waiverRequested().signum() > 0) {
      b.append("3. To waive the overdue interest and liquidated damages of ")
          .append(m(p.waiverRequested())).append(' ').append(cur)
          .append(", which courts support only up to ")
          .append(p.standing().cap().limitPercent().toPlainString()).append(" % a year.\n");
    }
    if (p.capCheck().exceedsLimit()) {
      b.append("\nThe contract's annualised cost, computed as regulators require (IRR), is ")
          .append(p.capCheck().trueCostPercent().toPlainString()).append(" %, above the ")
          .append(p.capCheck().cap().limitPercent().toPlainString())
          .append(" % that courts support; the excess is ")
          .append(m(p.capCheck().excess())).append(' ').append(cur).append(".\n");
    }
    b.append("\nWhile we agree the plan, please contact me only in writing at the address below")
        .append(" and do not contact my family, colleagues or other third parties.")
        .append(" I would be grateful for a written reply within 15 days.\n\n");
    b.append("Yours faithfully,\n[Name]\n[Phone or address for replies]\n");
    return b.toString();
  }

  private static String enTreatment(DeferralPlan p) {
    return switch (p.treatment()) {
      case CONTRACT_RATE -> "Interest during the plan at the contract rate of "
          + p.annualPercent().toPlainString() + " % a year.";
      case CAPPED_RATE -> "Interest during the plan at " + p.annualPercent().toPlainString()
          + " % a year, the limit courts support.";
      case FROZEN -> "No further interest during the plan"
          + (p.withinBudget() ? "." : "; even so the instalment is above what I can pay, and I"
              + " would welcome your proposal.");
    };
  }

  private static String zh(Contract c, DeferralPlan p) {
    String cur = c.currency().getCurrencyCode().equals("CNY") ? "元" : " " + c.currency();
    String lender = c.lender().name().isEmpty() ? "贷款机构" : c.lender().name();
    OverdueReport s = p.standing();
    StringBuilder b = new StringBuilder();
    b.append(lender).append("：\n\n");
    b.append("您好！我是借款人[姓名]，就").append(c.signed()).append("签订的借款合同（合同金额")
        .append(m(c.amount())).append(cur).append("，实际到账").append(m(c.netReceived()))
        .append(cur).append("）申请延期及分期还款。我愿意还清欠款，恳请贵方同意一个我能够履行的还款计划。\n\n");
    b.append("我的情况：[如实简述原因，如失业、收入下降、疾病等]。扣除基本生活开支后，我每月可还款")
        .append(m(p.budget())).append(cur).append("。\n\n");
    b.append("截至").append(p.asOf()).append("，剩余本金").append(m(s.outstandingPrincipal()))
        .append(cur);
    if (s.daysOverdue() > 0) {
      b.append("，已逾期").append(s.daysOverdue()).append("天");
    }
    b.append("。\n\n我的具体请求如下：\n");
    b.append("一、将").append(m(p.toRepay())).append(cur).append("（本金及已到期的利息、费用）分")
        .append(p.months()).append("期按月偿还，每期").append(m(p.instalment())).append(cur)
        .append("，首期于").append(p.firstDue()).append("支付。\n");
    b.append("二、").append(zhTreatment(p)).append('\n');
    if (p.waiverRequested().signum() > 0) {
      b.append("三、减免逾期利息及违约金共").append(m(p.waiverRequested())).append(cur)
          .append("；依照法律规定，法院对此仅在年利率")
          .append(p.standing().cap().limitPercent().toPlainString()).append("%以内予以支持。\n");
    }
    if (p.capCheck().exceedsLimit()) {
      b.append("\n按监管要求的内部收益率（IRR）法计算，本合同的年化综合成本为")
          .append(p.capCheck().trueCostPercent().toPlainString()).append("%，超过法院支持的")
          .append(p.capCheck().cap().limitPercent().toPlainString()).append("%，超出部分为")
          .append(m(p.capCheck().excess())).append(cur).append("。\n");
    }
    b.append("\n协商期间，请以书面方式与我本人联系，不要联系我的家人、同事或其他第三人。")
        .append("恳请贵方在15日内书面答复。\n\n此致\n敬礼！\n\n借款人：[姓名]\n联系方式：[电话或地址]\n日期：")
        .append(p.asOf()).append('\n');
    return b.toString();
  }

  private static String zhTreatment(DeferralPlan p) {
    return switch (p.treatment()) {
      case CONTRACT_RATE -> "还款期间按合同约定年利率" + p.annualPercent().toPlainString() + "%计息。";
      case CAPPED_RATE -> "还款期间按法院支持的上限年利率" + p.annualPercent().toPlainString() + "%计息。";
      case FROZEN -> "还款期间停止计息" + (p.withinBudget() ? "。" : "；即便如此，每期金额仍超出我的能力，恳请贵方提出方案。");
    };
  }

  private static String m(BigDecimal amount) {
    return Money.format(amount);
  }
}
