package org.dunshield.cli.loan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.dunshield.core.loan.InMemoryLoans;
import org.junit.jupiter.api.Test;

class XirrCommandTest {
  private final Cli cli = new Cli(new InMemoryLoans(), LocalDate.of(2025, 6, 1));

  @Test
  void reproducesExcelsDocumentedExample() {
    Cli.Result r = cli.run("xirr", "--flow", "2008-01-01:-10000", "--flow", "2008-03-01:2750",
        "--flow", "2008-10-30:4250", "--flow", "2009-02-15:3250", "--flow", "2009-04-01:2750",
        "--json");
    assertThat(r.exit()).isZero();
    assertThat(r.json().get("xirr").asText()).isEqualTo("37.34");
    assertThat(r.json().get("rate").asText()).startsWith("0.3733625");
    assertThat(r.json().get("flows")).hasSize(5);
    assertThat(cli.run("xirr", "--flow", "2009-01-01:-10000", "--flow", "2010-01-01:11000").out())
        .startsWith("XIRR 10.00 % a year");
  }

  @Test
  void rejectsFlowsWithoutMoneyBothWays() {
    Cli.Result r = cli.run("xirr", "--flow", "2008-01-01:100", "--flow", "2008-02-01:100");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("both received");
    assertThat(cli.run("xirr", "--flow", "soon:100").err()).contains("DATE:AMOUNT");
  }
}
