package org.dunshield.core.reputation.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import org.dunshield.core.number.NumberParser;
import org.dunshield.core.reputation.Report;
import org.dunshield.core.screen.Category;
import org.junit.jupiter.api.Test;

class SeedReaderTest {
  private static final Instant NOW = Instant.parse("2026-10-14T02:00:00Z");
  private static final SeedReader.Options OPTIONS = new SeedReader.Options("seed:test", Category.DEBT_COLLECTION, NOW,
      1_000, NumberParser.forRegion("CN"));

  private static SeedReader.Batch read(SeedFormat format, String text) throws IOException {
    return SeedReader.read(new StringReader(text), format, "seeds.csv", OPTIONS);
  }

  private static SeedException failure(SeedFormat format, String text) {
    return catchThrowableOfType(SeedException.class, () -> read(format, text));
  }

  @Test
  void csvWithHeaderQuotedCommentsAndComments() throws IOException {
    SeedReader.Batch batch = read(SeedFormat.CSV, "\uFEFFnumber,category,comment\r\n"
        + "# collectors seen in October\n"
        + "171 8888 0001,debt_collection,\"calls at night, threatens to call my parents\"\n"
        + "+86 138-0013-8000,fraud\n"
        + "\n"
        + "95588,institution,\"the bank's \"\"real\"\" number\"\n");
    assertThat(batch.rows()).isEqualTo(3);
    assertThat(batch.reports()).extracting(r -> r.number().e164(), Report::category, Report::comment).containsExactly(
        org.assertj.core.groups.Tuple.tuple("+8617188880001", Category.DEBT_COLLECTION,
            "calls at night, threatens to call my parents"),
        org.assertj.core.groups.Tuple.tuple("+8613800138000", Category.FRAUD, ""),
        org.assertj.core.groups.Tuple.tuple("+8695588", Category.INSTITUTION, "the bank's \"real\" number"));
    assertThat(batch.reports()).allSatisfy(r -> {
      assertThat(r.reporter()).isEqualTo("seed:test");
      assertThat(r.at()).isEqualTo(NOW);
    });
  }

  @Test
  void everyBadRowIsNamedWithItsLineNumberAndNothingIsReturned() {
    SeedException e = failure(SeedFormat.CSV, "number,category\n"
        + "17188880001,debt_collection\n"
        + "not-a-number,fraud\n"
        + "17188880002,spam\n"
        + "17188880003\n"
        + "17188880004,fraud,\"unterminated\n"
        + "17188880001,fraud\n");
    assertThat(e.problems()).extracting(SeedException.Problem::line).containsExactly(3L, 4L, 5L, 6L, 7L);
    assertThat(e.getMessage())
        .startsWith("seeds.csv: line 3: 'not-a-number' is not a phone number")
        .contains("line 4: unknown category 'spam'")
        .contains("line 5: expected number,category[,comment], got 1 field")
        .contains("line 6: unterminated quoted field")
        .contains("line 7: +8617188880001 is already on line 2 as debt_collection, here as fraud")
        .endsWith("nothing was imported");
  }

  @Test
  void repeatedRowsWithTheSameCategoryAreCountedAsDuplicates() throws IOException {
    SeedReader.Batch batch = read(SeedFormat.CSV, "17188880001,debt_collection\n17188880001,debt_collection\n"
        + "+8617188880001,debt_collection\n");
    assertThat(batch.reports()).hasSize(1);
    assertThat(batch.duplicates()).isEqualTo(2);
  }

  @Test
  void aPlainListTakesTheListCategoryAndSkipsComments() throws IOException {
    SeedReader.Batch batch = read(SeedFormat.LIST, "# collector block\n17188880001\n17188880002   # the night caller\n\n");
    assertThat(batch.reports()).extracting(Report::category).containsOnly(Category.DEBT_COLLECTION);
    assertThat(batch.reports()).extracting(r -> r.number().e164()).containsExactly("+8617188880001", "+8617188880002");
  }

  @Test
  void ftcComplaintsBecomeOneReportPerNumberWithTheCommonestSubject() throws IOException {
    String ftc = "Company_Phone_Number,Created_Date,Violation_Date,Consumer_City,Consumer_State,Consumer_Area_Code,"
        + "Subject,Recorded_Message_Or_Robocall\n"
        + "8005551212,2026-09-01 10:00:00,2026-08-31 09:00:00,Austin,Texas,512,Imposters,N\n"
        + "8005551212,2026-09-03 11:00:00,2026-09-02 09:00:00,Dallas,Texas,214,\"Computer & technical support\",Y\n"
        + "8005551212,2026-09-02 11:00:00,2026-09-02 09:00:00,Dallas,Texas,214,Vacation & timeshares,N\n"
        + "2125550101,9/5/2026,,New York,New York,212,,Y\n"
        + "2125550102,2026-09-05,,New York,New York,212,Something new,N\n";
    SeedReader.Batch batch = read(SeedFormat.FTC, ftc);
    assertThat(batch.rows()).isEqualTo(5);
    assertThat(batch.duplicates()).isEqualTo(2);
    List<Report> reports = batch.reports();
    assertThat(reports).hasSize(3);
    Report first = reports.get(0);
    assertThat(first.number().e164()).isEqualTo("+18005551212");
    assertThat(first.category()).isEqualTo(Category.FRAUD);
    assertThat(first.comment()).isEqualTo("FTC DNC: 3 complaints");
    assertThat(first.at()).isEqualTo(Instant.parse("2026-09-03T11:00:00Z"));
    assertThat(reports.get(1).category()).isEqualTo(Category.ROBOCALL);
    assertThat(reports.get(1).at()).isEqualTo(Instant.parse("2026-09-05T00:00:00Z"));
    assertThat(reports.get(2).category()).isEqualTo(Category.MARKETING);
  }

  @Test
  void ftcRowsWithTheWrongShapeOrDatesAreNamed() {
    SeedException e = failure(SeedFormat.FTC, "Company_Phone_Number,Created_Date,Subject\n"
        + "8005551212,yesterday,Imposters\n"
        + "8005551212,2026-09-01\n"
        + "12,2026-09-01,Imposters\n");
    assertThat(e.getMessage()).contains("line 2: date 'yesterday'", "line 3: expected 3 fields", "line 4: Company_Phone_Number");
    SeedException header = failure(SeedFormat.FTC, "phone,date\n1,2\n");
    assertThat(header.getMessage()).contains("line 1: not the FTC complaint layout");
  }

  @Test
  void oversizedImportsAreRefused() {
    StringBuilder big = new StringBuilder();
    for (int i = 0; i < 1_001; i++) {
      big.append(String.format("1718888%04d%n", i));
    }
    assertThat(failure(SeedFormat.LIST, big.toString()).getMessage())
        .contains("more than 1000 rows, the most one import takes; split the file");
    assertThat(failure(SeedFormat.LIST, "1".repeat(SeedReader.MAX_LINE + 1)).getMessage())
        .contains("line 1: longer than 65536 characters");
  }

  @Test
  void theFormatIsDetectedFromTheFirstLine() {
    assertThat(SeedFormat.detect("Company_Phone_Number,Created_Date")).isEqualTo(SeedFormat.FTC);
    assertThat(SeedFormat.detect("17188880001,fraud")).isEqualTo(SeedFormat.CSV);
    assertThat(SeedFormat.detect("17188880001")).isEqualTo(SeedFormat.LIST);
  }
}
