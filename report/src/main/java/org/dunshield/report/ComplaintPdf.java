package org.dunshield.report;

import java.io.IOException;
import java.io.OutputStream;
import org.dunshield.core.complaint.Complaint;

/** A complaint draft laid out as PDF: the title, then each section's heading and lines. Stateless. */
final class ComplaintPdf {
  private ComplaintPdf() {}

  static void write(Complaint c, CjkFont font, OutputStream out) throws IOException {
    try (PdfPages pdf = new PdfPages(font, c.title(), c.title())) {
      pdf.heading(c.title(), 15);
      for (Complaint.Section s : c.sections()) {
        pdf.heading(s.heading(), 11);
        for (String line : s.lines()) {
          pdf.paragraph(line, 9.5f);
        }
      }
      pdf.save(out);
    }
  }
}
