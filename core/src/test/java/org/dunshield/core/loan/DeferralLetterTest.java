package org.dunshield.core.loan;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeferralLetterTest {
  private final Contract contract = Loans.monthly("10000", "12", 12,
          RepaymentMethod.EQUAL_INSTALMENT)
      .lender("Quick Cash Microcredit", LenderKind.MICROLOAN)
      .upfrontFee("1000")
      .onDefault(new DefaultTerms(Rate.annual("36"), new BigDecimal("5")))
      .build();
  private final DeferralPlan plan = new DeferralPlanner(LprTable.bundled())
      .plan(contract, List.of(), LocalDate.of(2024, 6, 1), new BigDecimal("600"));

  @Test
  void theEnglishLetterIsSpecific() {
    String text = DeferralLetter.render(contract, plan, Language.EN);
    assertThat(text)
        .contains("To: Quick Cash Microcredit")
        .contains("signed on 2024-01-15 for 10000.00 CNY (9000.00 actually received)")
        .contains("I can pay 600.00 CNY a month")
        .contains(plan.months() + " monthly instalments of " + Money.format(plan.instalment()))
        .contains("the first on 2024-07-01")
        .contains("waive the overdue interest and liquidated damages of "
            + Money.format(plan.waiverRequested()))
        .contains("32.50 %, above the 24.00 %")
        .contains("do not contact my family")
        .doesNotContain("null");
  }

  @Test
  void theChineseLetterSaysTheSame() {
    String text = DeferralLetter.render(contract, plan, Language.ZH);
    assertThat(text)
        .startsWith("Quick Cash Microcredit：")
        .contains("合同金额10000.00元，实际到账9000.00元")
        .contains("每月可还款600.00元")
        .contains("分" + plan.months() + "期按月偿还，每期" + Money.format(plan.instalment()) + "元")
        .contains("首期于2024-07-01支付")
        .contains("年化综合成本为32.50%")
        .contains("不要联系我的家人")
        .doesNotContain("null");
  }

  @Test
  void consequencesAreStatedInBothLanguages() {
    assertThat(DefaultConsequences.of(Language.EN)).hasSize(4)
        .anySatisfy(s -> assertThat(s).contains("5 years"));
    assertThat(DefaultConsequences.of(Language.ZH)).hasSize(4)
        .anySatisfy(s -> assertThat(s).contains("失信被执行人"));
    assertThat(Language.fromCode("zh-CN")).isEqualTo(Language.ZH);
  }
}
