package org.dunshield.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dunshield.core.complaint.ComplaintChannel;
import org.dunshield.core.complaint.Complaints;
import org.dunshield.core.complaint.Fact;
import org.dunshield.core.report.ReportText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfReportTest {
  @TempDir Path dir;

  /** The text of every page, lines joined (the layout wraps long texts by character, dropping nothing). */
  static String text(Path pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      return new PDFTextStripper().getText(doc).replace("\r", "").replace("\n", "");
    }
  }

  static List<PDFont> fonts(Path pdf) throws IOException {
    List<PDFont> fonts = new ArrayList<>();
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      for (PDPage page : doc.getPages()) {
        for (COSName name : page.getResources().getFontNames()) {
          fonts.add(page.getResources().getFont(name));
        }
      }
    }
    return fonts;
  }

  @Test
  void theChineseSmsTextIsExtractedExactlyAndTheFontIsEmbedded() throws IOException {
    Path pdf = dir.resolve("report.pdf");
    String sha = Reports.export(SampleReports.collector("zh"), Format.PDF, pdf);
    String text = text(pdf);
    assertThat(text).contains(SampleReports.THREAT);
    assertThat(text).contains(ReportText.TITLE.in("zh"), ReportText.CHART_BY_HOUR.in("zh"), "+8617012345678",
        "截图.png", "失信被执行人");
    assertThat(text).contains("[U+1F600]"); // an emoji the font lacks is named, not dropped silently
    List<PDFont> fonts = fonts(pdf);
    assertThat(fonts).isNotEmpty().allSatisfy(f -> {
      assertThat(f).isInstanceOf(PDType0Font.class);
      assertThat(f.isEmbedded()).as(f.getName() + " embedded").isTrue();
      assertThat(((PDType0Font) f).getDescendantFont().getFontDescriptor().getFontFile2()).isNotNull();
    });
    assertThat(Files.readString(dir.resolve("report.pdf.sha256"))).isEqualTo(sha + "  report.pdf\n");
  }

  @Test
  void anEmptyCaseGivesAValidPdfThatSaysSo() throws IOException {
    Path pdf = dir.resolve("empty.pdf");
    Reports.export(SampleReports.empty("en"), Format.PDF, pdf);
    String text = text(pdf);
    assertThat(text).contains("This case has no calls or SMS yet");
  }

  @Test
  void aComplaintPdfCarriesTheUneditedSms() throws IOException {
    Path pdf = dir.resolve("12321.pdf");
    Reports.export(Complaints.draft(ComplaintChannel.C12321, SampleReports.collector("zh"),
        java.util.Map.of(Fact.OWN_NUMBER, "+8613800138000")), pdf);
    assertThat(text(pdf)).contains(SampleReports.THREAT, "+8613800138000", "12321");
  }
}
