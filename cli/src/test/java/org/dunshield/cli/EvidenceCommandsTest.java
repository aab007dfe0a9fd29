package org.dunshield.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dunshield.core.complaint.ComplaintChannel;
import org.dunshield.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * From a fresh data directory: import the shared real-format backups, create a case, export a PDF
 * report and a complaint per channel, and catch tampering with {@code evidence verify}.
 */
class EvidenceCommandsTest {
  private static final String DEMAND = "李先生，你在【快钱花】的欠款已逾期20天，今天必须处理，否则联系你的家人。";

  @TempDir Path data;
  @TempDir Path out;

  private Cli importedSamples() {
    Cli cli = new Cli(data);
    assertThat(cli.run("import", Samples.file("calls.xml").toString()).exit()).isZero();
    assertThat(cli.run("import", Samples.file("sms.xml").toString()).exit()).isZero();
    return cli;
  }

  private static String pdfText(Path pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      return new PDFTextStripper().getText(doc).replace("\r", "").replace("\n", "");
    }
  }

  @Test
  void importedBackupsBecomeACaseAPdfReportAndAComplaintPerChannel() throws IOException {
    Cli cli = importedSamples();
    assertThat(cli.run("case", "create", "快钱花", "--numbers", "17188880001,171 8888 0002").exit()).isZero();
    JsonNode cases = cli.json("case", "list", "--json").get("cases");
    assertThat(cases).hasSize(1);
    assertThat(cases.get(0).get("numbers").toString()).contains("+8617188880001", "+8617188880002");

    Path shot = Files.writeString(out.resolve("screenshot.png"), "pretend png");
    assertThat(cli.run("case", "attach", "快钱花", shot.toString()).exit()).isZero();

    Path pdf = out.resolve("report.pdf");
    Cli.Result report = cli.run("report", "快钱花", "--format", "pdf", "--lang", "zh", "--out", pdf.toString());
    assertThat(report.exit()).as(report.err()).isZero();
    String text = pdfText(pdf);
    assertThat(text).contains(DEMAND, "+8617188880001", "screenshot.png", "证据链完整");
    assertThat(out.resolve("report.pdf.sha256")).exists();

    for (String format : List.of("html", "csv", "json")) {
      Path file = out.resolve("report." + format);
      assertThat(cli.run("report", "1", "--format", format, "--out", file.toString()).exit()).isZero();
      assertThat(Files.readString(file)).contains(DEMAND);
    }

    assertThat(cli.run("settings", "set", "own-number", "13800138000").exit()).isZero();
    for (ComplaintChannel channel : ComplaintChannel.values()) {
      Path complaint = out.resolve("complaint-" + channel.code() + ".txt");
      Cli.Result r = cli.run("complain", "快钱花", "--channel", channel.code(), "--lang", "zh",
          "--fact", "name=李明", "--fact", "id-number=110101199001011234", "--fact", "carrier=中国移动",
          "--fact", "region=广东深圳", "--fact", "institution=快钱花", "--fact", "contract-id=KQH-2026-001",
          "--fact", "carrier-reply=已登记，无法封停", "--fact", "rule-broken=联系家人（第三人）",
          "--out", complaint.toString());
      assertThat(r.exit()).as(channel + ": " + r.err()).isZero();
      assertThat(Files.readString(complaint)).contains(DEMAND, "+8617188880001", channel.defaultRequest("zh"));
    }
    Path pdfComplaint = out.resolve("12321.pdf");
    assertThat(cli.run("complain", "1", "--channel", "12321", "--out", pdfComplaint.toString()).exit()).isZero();
    assertThat(pdfText(pdfComplaint)).contains(DEMAND, "+8613800138000");
  }

  @Test
  void missingFactsExitTwoListingEveryOneAndWriteNothing() {
    Cli cli = importedSamples();
    cli.run("case", "create", "快钱花", "--numbers", "17188880001");
    Path file = out.resolve("12300.txt");
    Cli.Result r = cli.run("complain", "快钱花", "--channel", "12300", "--out", file.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("name", "id-number", "own-number", "carrier", "region", "carrier-reply");
    assertThat(file).doesNotExist();
    assertThat(cli.run("complain", "快钱花", "--channel", "fax", "--out", file.toString()).err())
        .contains("unknown channel 'fax'");
    assertThat(cli.run("complain", "nobody", "--channel", "police", "--out", file.toString()).exit()).isEqualTo(2);
    assertThat(cli.run("report", "快钱花", "--format", "docx", "--out", file.toString()).exit()).isEqualTo(2);
    assertThat(cli.run("case", "attach", "快钱花", out.resolve("missing.png").toString()).exit()).isEqualTo(2);
    assertThat(cli.run("case", "create", "快钱花").exit()).isEqualTo(2);
  }

  @Test
  void anEmptyCaseReportsThatItIsEmpty() throws IOException {
    Cli cli = new Cli(data);
    cli.run("case", "create", "nothing yet");
    Path json = out.resolve("empty.json");
    assertThat(cli.run("report", "nothing yet", "--format", "json", "--out", json.toString()).exit()).isZero();
    assertThat(Files.readString(json)).contains("\"empty\" : true");
  }

  @Test
  void evidenceVerifyNamesTheLinkOfAChangedSms() throws SQLException {
    Cli cli = importedSamples();
    JsonNode ok = cli.json("evidence", "verify", "--json");
    assertThat(ok.get("intact").asBoolean()).isTrue();
    assertThat(ok.get("links").asInt()).isEqualTo(19);
    long id;
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(Database.FILE_NAME));
        PreparedStatement select = c.prepareStatement("SELECT id FROM history WHERE body = ?");
        PreparedStatement update = c.prepareStatement("UPDATE history SET body = ? WHERE body = ?")) {
      select.setString(1, DEMAND);
      var rows = select.executeQuery();
      rows.next();
      id = rows.getLong(1);
      update.setString(1, DEMAND.replace("20天", "2天"));
      update.setString(2, DEMAND);
      assertThat(update.executeUpdate()).isEqualTo(1);
    }
    Cli.Result broken = cli.run("evidence", "verify", "--json");
    assertThat(broken.exit()).isEqualTo(1);
    JsonNode v = broken.json();
    assertThat(v.get("intact").asBoolean()).isFalse();
    assertThat(v.get("kind").asText()).isEqualTo("event");
    assertThat(v.get("ref").asLong()).isEqualTo(id);
    assertThat(cli.run("evidence", "verify").err()).contains("broken at link " + v.get("brokenAt").asLong());
  }

  @Test
  void aFailedReportLeavesNoPartialFile() throws IOException {
    Cli cli = importedSamples();
    cli.run("case", "create", "c");
    Path target = out.resolve("missing-dir").resolve("r.pdf");
    assertThat(cli.run("report", "c", "--format", "pdf", "--out", target.toString()).exit()).isEqualTo(2);
    List<Path> left = new ArrayList<>();
    try (Stream<Path> files = Files.walk(out)) {
      files.filter(Files::isRegularFile).forEach(left::add);
    }
    assertThat(left).isEmpty();
  }
}
