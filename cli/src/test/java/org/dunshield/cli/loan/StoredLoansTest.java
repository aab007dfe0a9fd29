package org.dunshield.cli.loan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.dunshield.core.loan.InMemoryLoans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code loan add / list / pay / overdue / deferral / calendar} on an in-memory repository. */
class StoredLoansTest {
  private final InMemoryLoans loans = new InMemoryLoans();
  private final Cli cli = new Cli(loans, LocalDate.of(2024, 4, 1));
  @TempDir Path dir;

  private long addMicroloan() {
    Cli.Result r = cli.run("add", "--lender", "Quick Cash 小贷", "--lender-kind", "microloan",
        "--amount", "10000", "--fee-upfront", "1000", "--rate", "12%", "--term", "12",
        "--signed", "2024-01-15", "--start", "2024-01-15", "--overdue-rate", "0.05%/day",
        "--damages", "5%", "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    return r.json().get("id").asLong();
  }

  @Test
  void addsListsAndRecordsPayments() {
    long id = addMicroloan();
    assertThat(id).isEqualTo(1);
    JsonNode paid = cli.run("pay", "1", "--amount", "888.49", "--date", "2024-02-15", "--json")
        .json();
    assertThat(paid.get("allocation").get("interest").asText()).isEqualTo("100.00");
    assertThat(paid.get("allocation").get("principal").asText()).isEqualTo("788.49");
    assertThat(paid.get("closesLoan").asBoolean()).isFalse();
    JsonNode list = cli.run("list", "--json").json().get("loans");
    assertThat(list).hasSize(1);
    assertThat(list.get(0).get("lender").asText()).isEqualTo("Quick Cash 小贷");
    assertThat(list.get(0).get("paid").asText()).isEqualTo("888.49");
    assertThat(list.get(0).get("outstandingPrincipal").asText()).isEqualTo("9211.51");
    assertThat(list.get(0).get("daysOverdue").asInt()).isEqualTo(17);
    assertThat(list.get(0).get("nextDue").get("date").asText()).isEqualTo("2024-04-15");
    assertThat(cli.run("list").out()).contains("Quick Cash 小贷").contains("9211.51");
  }

  @Test
  void reportsOverdueChargesAndWhatACourtSupports() {
    addMicroloan();
    JsonNode r = cli.run("overdue", "1", "--as-of", "2024-03-16", "--json").json();
    assertThat(r.get("daysOverdue").asInt()).isEqualTo(30);
    assertThat(r.get("claimed").get("liquidatedDamages").asText()).isEqualTo("88.84");
    assertThat(r.get("cap").get("limit").asText()).isEqualTo("24.00");
    assertThat(r.get("supported").get("charges").asDouble())
        .isLessThanOrEqualTo(r.get("claimed").get("overdueInterest").asDouble() + 88.84);
    assertThat(r.get("consequences")).hasSize(4);
    Cli.Result text = cli.run("overdue", "1", "--as-of", "2024-03-16", "--lang", "zh");
    assertThat(text.out()).contains("30 days overdue").contains("失信被执行人");
  }

  @Test
  void rejectsBadPaymentsAndStoresNothing() {
    addMicroloan();
    Cli.Result early = cli.run("pay", "1", "--amount", "10", "--date", "2024-01-01");
    assertThat(early.exit()).isEqualTo(2);
    assertThat(early.err()).contains("before the contract was signed");
    assertThat(cli.run("pay", "1", "--amount", "0").err()).contains("more than zero");
    assertThat(cli.run("pay", "7", "--amount", "10").err()).contains("no loan with id 7");
    assertThat(loans.find(1).orElseThrow().payments()).isEmpty();
    assertThat(cli.run("pay", "1", "--amount", "10000", "--date", "2024-01-20", "--json").json()
        .get("closesLoan").asBoolean()).isTrue();
    Cli.Result closed = cli.run("pay", "1", "--amount", "5", "--date", "2024-02-01");
    assertThat(closed.exit()).isEqualTo(2);
    assertThat(closed.err()).contains("paid off on 2024-01-20");
    assertThat(loans.find(1).orElseThrow().payments()).hasSize(1);
    assertThat(cli.run("add", "--amount", "100", "--rate", "1%", "--term", "1").err())
        .contains("--lender is required");
  }

  @Test
  void writesADeferralRequest() throws Exception {
    addMicroloan();
    Path letter = dir.resolve("letter.txt");
    JsonNode plan = cli.run("deferral", "1", "--budget", "600", "--lang", "en", "--out",
        letter.toString(), "--json").json();
    assertThat(plan.get("instalment").asDouble()).isLessThanOrEqualTo(600);
    assertThat(plan.get("firstDue").asText()).isEqualTo("2024-05-01");
    assertThat(Files.readString(letter)).contains("To: Quick Cash 小贷")
        .contains(plan.get("months").asText() + " monthly instalments of "
            + plan.get("instalment").asText());
    Path zh = dir.resolve("申请.txt");
    assertThat(cli.run("deferral", "1", "--budget", "600", "--out", zh.toString()).exit()).isZero();
    assertThat(Files.readString(zh, StandardCharsets.UTF_8)).contains("申请延期及分期还款");
    assertThat(cli.run("deferral", "1", "--budget", "-1", "--out", zh.toString()).exit())
        .isEqualTo(2);
  }

  @Test
  void writesTheDeferralRequestAsAPdfWithTheChineseTextExtractable() throws Exception {
    addMicroloan();
    Path pdf = dir.resolve("申请.pdf");
    assertThat(cli.run("deferral", "1", "--budget", "600", "--lang", "zh", "--out", pdf.toString()).exit()).isZero();
    try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
      String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", "");
      assertThat(text).contains("申请延期及分期还款").contains("Quick");
    }
  }

  @Test
  void writesNoEmptyCalendar() {
    Path ics = dir.resolve("none.ics");
    Cli.Result r = cli.run("calendar", "--out", ics.toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("no calendar written");
    assertThat(ics).doesNotExist();
    assertThat(cli.run("list").out()).startsWith("no loans");
  }

  @Test
  void exportsRemindersThatCalendarsCanRead() throws Exception {
    addMicroloan();
    Path ics = dir.resolve("loans.ics");
    JsonNode r = cli.run("calendar", "--out", ics.toString(), "--days-ahead", "5", "--json").json();
    assertThat(r.get("events").asInt()).isEqualTo(10);
    String text = Files.readString(ics);
    assertThat(text).startsWith("BEGIN:VCALENDAR\r\n").contains("VERSION:2.0\r\n")
        .contains("UID:loan-1-3@dunshield").contains("DTSTART;VALUE=DATE:20240415")
        .contains("TRIGGER:-P5D").contains("ACTION:DISPLAY");
    Calendar parsed;
    try (Reader in = Files.newBufferedReader(ics)) {
      parsed = new CalendarBuilder().build(in);
    }
    List<VEvent> events = parsed.getComponents("VEVENT");
    assertThat(events).hasSize(10);
    assertThat(events.get(0).getSummary().getValue()).contains("888.49 CNY");
    assertThat(events.get(0).getAlarms()).hasSize(1);
  }
}
