package org.dunshield.report;

import java.io.IOException;
import java.io.OutputStream;

/** A plain letter laid out as PDF: its first line as the title, then every line as a paragraph. Stateless. */
final class LetterPdf {
  private LetterPdf() {}

  static void write(String text, CjkFont font, OutputStream out) throws IOException {
    String[] lines = text.split("\\R", -1);
    String title = lines.length == 0 ? "" : lines[0].strip();
    try (PdfPages pdf = new PdfPages(font, title, title)) {
      for (String line : lines) {
        pdf.paragraph(line.isBlank() ? " " : line, 10.5f);
      }
      pdf.save(out);
    }
  }
}
