package org.dunshield.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextReportsTest {
  @TempDir Path dir;

  @Test
  void jsonCarriesSummaryEventsManifestAndGuidance() throws IOException {
    Path out = dir.resolve("r.json");
    Reports.export(SampleReports.collector("en"), Format.JSON, out);
    JsonNode json = new ObjectMapper().readTree(out.toFile());
    assertThat(json.get("summary").get("events").asInt()).isEqualTo(3);
    assertThat(json.get("events").get(1).get("text").asText()).isEqualTo(SampleReports.THREAT);
    assertThat(json.get("callsByHour")).hasSize(24);
    assertThat(json.get("manifest").get(0).get("name").asText()).isEqualTo("截图.png");
    assertThat(json.get("guidance").get("consequences")).isNotEmpty();
    assertThat(json.get("empty").asBoolean()).isFalse();
  }

  @Test
  void anEmptyCaseIsValidInEveryTextFormatAndSaysSo() throws IOException {
    Reports.export(SampleReports.empty("en"), Format.JSON, dir.resolve("e.json"));
    Reports.export(SampleReports.empty("en"), Format.CSV, dir.resolve("e.csv"));
    Reports.export(SampleReports.empty("zh"), Format.HTML, dir.resolve("e.html"));
    JsonNode json = new ObjectMapper().readTree(dir.resolve("e.json").toFile());
    assertThat(json.get("empty").asBoolean()).isTrue();
    assertThat(json.get("events")).isEmpty();
    assertThat(Files.readAllLines(dir.resolve("e.csv"))).containsExactly(CsvReport.HEADER);
    assertThat(Files.readString(dir.resolve("e.html"))).contains("本案件目前没有任何通话或短信记录");
  }

  @Test
  void csvQuotesWhatNeedsQuotingAndKeepsTextsExact() throws IOException {
    Path out = dir.resolve("r.csv");
    Reports.export(SampleReports.collector("en"), Format.CSV, out);
    List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
    assertThat(lines).hasSize(4);
    assertThat(lines.get(2)).contains("\"" + SampleReports.THREAT + "\"");
    assertThat(lines.get(3)).contains("\"emoji 😀 and a \"\"quote\"\", <tag> & comma\"");
  }

  @Test
  void htmlEscapesTextsAndShadesForbiddenHours() throws IOException {
    Path out = dir.resolve("r.html");
    Reports.export(SampleReports.collector("en"), Format.HTML, out);
    String html = Files.readString(out);
    assertThat(html).contains(SampleReports.THREAT, "&lt;tag&gt; &amp; comma", "id=\"guidance\"", "fill=\"#fdd\"");
    assertThat(html).doesNotContain("<tag>");
  }

  @Test
  void aFailedExportLeavesNoFileBehindAndKeepsAnEarlierOne() throws IOException {
    Path out = dir.resolve("r.json");
    assertThatThrownBy(() -> Exports.write(out, o -> {
      o.write("{\"partial\":".getBytes(StandardCharsets.UTF_8));
      throw new IOException("disk full");
    })).hasMessageContaining("disk full");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
    Files.writeString(out, "earlier");
    assertThatThrownBy(() -> Exports.write(out, o -> {
      throw new IllegalStateException("renderer failed");
    })).hasMessageContaining("renderer failed");
    assertThat(Files.readString(out)).isEqualTo("earlier");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(out);
    }
  }

  @Test
  void anExportIntoAMissingDirectoryIsBadInput() {
    assertThatThrownBy(() -> Reports.export(SampleReports.empty("en"), Format.CSV, dir.resolve("no/such/r.csv")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no such directory");
  }
}
