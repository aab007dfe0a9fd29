package org.dunshield.cli.loan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import org.dunshield.core.loan.InMemoryLoans;
import org.junit.jupiter.api.Test;

class CalcCommandTest {
  private final Cli cli = new Cli(new InMemoryLoans(), LocalDate.of(2025, 6, 1));

  @Test
  void printsTheScheduleTrueCostAndCapAsOneJsonDocument() {
    Cli.Result r = cli.run("calc", "--amount", "10000", "--rate", "12%", "--rate-basis", "annual",
        "--term", "12", "--method", "equal-instalment", "--start", "2024-01-15", "--json");
    assertThat(r.exit()).isZero();
    JsonNode doc = r.json();
    JsonNode schedule = doc.get("schedule");
    assertThat(schedule).hasSize(12);
    assertThat(schedule.get(0).get("period").asInt()).isEqualTo(1);
    assertThat(schedule.get(0).get("date").asText()).isEqualTo("2024-02-15");
    assertThat(schedule.get(0).get("payment").asText()).isEqualTo("888.49");
    assertThat(schedule.get(0).get("principal").asText()).isEqualTo("788.49");
    assertThat(schedule.get(0).get("interest").asText()).isEqualTo("100.00");
    assertThat(schedule.get(0).get("balance").asText()).isEqualTo("9211.51");
    assertThat(schedule.get(11).get("payment").asText()).isEqualTo("888.47");
    assertThat(schedule.get(11).get("balance").asText()).isEqualTo("0.00");
    assertThat(doc.get("totalInterest").asText()).isEqualTo("661.86");
    assertThat(doc.get("totalPaid").asText()).isEqualTo("10661.86");
    assertThat(doc.get("apr").get("nominal").asText()).isEqualTo("12.00");
    assertThat(doc.get("apr").get("effective").asText()).isEqualTo("12.68");
    assertThat(doc.get("cap").get("rule").asText()).isEqualTo("licensed-24-36");
    assertThat(doc.get("cap").get("exceedsLimit").asBoolean()).isFalse();
    assertThat(doc.get("cap").get("excess").asText()).isEqualTo("0.00");
  }

  @Test
  void showsTheTrueCostOfAFeeDeductedUpFront() {
    JsonNode doc = cli.run("calc", "--amount", "10000", "--fee-upfront", "1000", "--rate", "12%",
        "--term", "12", "--start", "2025-06-01", "--json").json();
    assertThat(doc.get("contract").get("received").asText()).isEqualTo("9000.00");
    assertThat(doc.get("apr").get("nominal").asText()).isEqualTo("32.50");
    assertThat(doc.get("apr").get("effective").asText()).isEqualTo("37.81");
    assertThat(doc.get("cap").get("exceedsLimit").asBoolean()).isTrue();
    assertThat(doc.get("cap").get("excess").asText()).isEqualTo("449.41");
    assertThat(doc.get("art670").get("applies").asBoolean()).isTrue();
    assertThat(doc.get("art670").get("principal").asText()).isEqualTo("9000.00");
  }

  @Test
  void privateLoansAreCheckedAgainstFourTimesTheLpr() {
    JsonNode cap = cli.run("calc", "--amount", "50000", "--rate", "1.5%", "--rate-basis",
        "monthly", "--term", "6", "--method", "interest-first", "--start", "2025-06-01",
        "--lender-kind", "private", "--json").json().get("cap");
    assertThat(cap.get("rule").asText()).isEqualTo("private-4x-lpr");
    assertThat(cap.get("lpr").asText()).isEqualTo("3.00");
    assertThat(cap.get("limit").asText()).isEqualTo("12.00");
    assertThat(cap.get("trueCost").asText()).isEqualTo("18.00");
    assertThat(cap.get("excess").asText()).isEqualTo("1500.00");
  }

  @Test
  void anUpdatedLprFileReplacesTheBundledOne(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws java.io.IOException {
    java.nio.file.Path lpr = dir.resolve("lpr.tsv");
    java.nio.file.Files.writeString(lpr, "# mine\n2025-05-20\t3.00\n2025-08-20\t2.50\n");
    JsonNode cap = cli.run("calc", "--amount", "50000", "--rate", "12%", "--term", "6",
        "--start", "2025-09-01", "--lender-kind", "private", "--lpr", lpr.toString(), "--json")
        .json().get("cap");
    assertThat(cap.get("lpr").asText()).isEqualTo("2.50");
    assertThat(cap.get("limit").asText()).isEqualTo("10.00");
    assertThat(cap.get("exceedsLimit").asBoolean()).isTrue();
    assertThat(cli.run("calc", "--amount", "50000", "--rate", "12%", "--term", "6",
        "--lpr", dir.resolve("missing.tsv").toString()).err()).contains("cannot read LPR table");
  }

  @Test
  void withoutASubcommandItShowsUsage() {
    assertThat(cli.run().out()).contains("calc").contains("xirr").contains("deferral");
  }

  @Test
  void aBulletLoanAtADailyRate() {
    JsonNode doc = cli.run("calc", "--amount", "10000", "--rate", "0.05%", "--rate-basis", "daily",
        "--term", "30d", "--method", "bullet", "--start", "2025-06-01", "--json").json();
    assertThat(doc.get("schedule")).hasSize(1);
    assertThat(doc.get("schedule").get(0).get("interest").asText()).isEqualTo("150.00");
    assertThat(doc.get("schedule").get(0).get("date").asText()).isEqualTo("2025-07-01");
    assertThat(doc.get("apr").get("nominal").asText()).isEqualTo("18.25");
  }

  @Test
  void flatTurnsAMonthlyRateIntoAFlatFee() {
    JsonNode doc = cli.run("calc", "--amount", "12000", "--rate", "0.8%", "--rate-basis", "monthly",
        "--flat", "--term", "12", "--start", "2025-06-01", "--json").json();
    assertThat(doc.get("contract").get("method").asText()).isEqualTo("flat-fee");
    assertThat(doc.get("schedule").get(11).get("interest").asText()).isEqualTo("96.00");
    assertThat(doc.get("apr").get("nominal").asDouble()).isGreaterThan(17);
  }

  @Test
  void printsAReadableTableByDefault() {
    Cli.Result r = cli.run("calc", "--amount", "10000", "--rate", "12%", "--term", "12",
        "--start", "2024-01-15");
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .contains("Period  Date")
        .contains("     1  2024-02-15        888.49        788.49        100.00       9211.51")
        .contains("Total interest   661.86 CNY")
        .contains("True cost (IRR)  12.00 % a year nominal, 12.68 % effective")
        .contains("licensed-24-36");
  }

  @Test
  void badInputExitsWithTwoAndSaysWhy() {
    Cli.Result negative = cli.run("calc", "--amount", "-5", "--rate", "12%", "--term", "12");
    assertThat(negative.exit()).isEqualTo(2);
    assertThat(negative.err()).contains("contract amount must not be negative");
    assertThat(cli.run("calc", "--amount", "0", "--rate", "12%", "--term", "12").err())
        .contains("must be more than zero");
    assertThat(cli.run("calc", "--amount", "100", "--rate", "2000%", "--term", "12").err())
        .contains("above 1000 % a year");
    assertThat(cli.run("calc", "--amount", "100", "--rate", "12%", "--term", "0").err())
        .contains("term must be at least 1");
    assertThat(cli.run("calc", "--amount", "100", "--rate", "12%", "--term", "12",
        "--start", "2025-13-01").err()).contains("--start must be a date");
    assertThat(cli.run("calc", "--amount", "100", "--rate", "12%", "--term", "12",
        "--start", "2025-01-01", "--signed", "2025-02-01").err()).contains("before signing");
    assertThat(cli.run("calc", "--amount", "100", "--rate", "12%", "--term", "12",
        "--method", "balloon").exit()).isEqualTo(2);
    assertThat(cli.run("calc", "--rate", "12%", "--term", "12").exit()).isEqualTo(2);
  }
}
