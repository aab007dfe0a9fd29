package org.dunshield.core.loan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * XIRR against values published by spreadsheet vendors and other libraries' test suites. Excel
 * documents its own XIRR as accurate to 0.000001 %, so its published figures are compared within
 * 1e-8; the exact root of the Excel example is 0.37336253352.
 */
class XirrTest {
  private static final double EXCEL_ACCURACY = 1e-8;

  private static List<CashFlow> flows(String... flows) {
    return Arrays.stream(flows).map(CashFlow::parse).toList();
  }

  private static double xirr(String... f) {
    return Irr.xirr(flows(f)).doubleValue();
  }

  @Test
  void matchesTheExampleOfExcelsDocumentation() {
    BigDecimal x = Irr.xirr(flows("2008-01-01:-10000", "2008-03-01:2750", "2008-10-30:4250",
        "2009-02-15:3250", "2009-04-01:2750"));
    assertThat(x.doubleValue()).isCloseTo(0.373362535, within(EXCEL_ACCURACY));
    assertThat(x.doubleValue()).isCloseTo(0.37336253352, within(1e-11));
    assertThat(Irr.percent(x, 2)).isEqualByComparingTo("37.34");
  }

  @Test
  void matchesRubyFinanceOnTenYearFlows() {
    assertThat(xirr("1985-01-01:-1000", "1990-01-01:600", "1995-01-01:600"))
        .isCloseTo(0.024851, within(5e-7));
  }

  @Test
  void findsNegativeRatesOfLosingInvestments() {
    assertThat(xirr("2019-09-10:-400", "2020-01-21:-400", "2020-02-24:-400", "2020-03-16:895.24"))
        .isCloseTo(-0.7420, within(5e-5));
    assertThat(xirr("2019-12-31:-80005.8", "2020-03-12:65209.6"))
        .isCloseTo(-0.6453638827, within(5e-10));
  }

  @Test
  void handlesFlowsThatChangeSignSeveralTimes() {
    assertThat(xirr("2018-01-01:-500000", "2018-08-22:500000", "2020-03-13:1000000",
        "2020-03-18:400000", "2020-04-16:631928.98", "2021-01-05:-1000000", "2021-02-10:794000"))
        .isCloseTo(1.591, within(0.005));
    assertThat(xirr("2022-08-26:-20", "2022-09-26:0.12", "2022-10-26:0.12", "2022-11-28:0.12",
        "2022-12-26:0.12", "2023-01-26:20.12")).isCloseTo(0.074, within(0.005));
  }

  @Test
  void orderOfFlowsDoesNotMatter() {
    assertThat(xirr("2009-04-01:2750", "2008-03-01:2750", "2008-01-01:-10000", "2009-02-15:3250",
        "2008-10-30:4250")).isCloseTo(0.373362535, within(EXCEL_ACCURACY));
  }

  @Test
  void aBorrowersViewIsTheMirrorImage() {
    assertThat(xirr("2008-01-01:10000", "2008-03-01:-2750", "2008-10-30:-4250",
        "2009-02-15:-3250", "2009-04-01:-2750")).isCloseTo(0.373362535, within(EXCEL_ACCURACY));
  }
}
