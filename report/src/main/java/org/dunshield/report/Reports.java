package org.dunshield.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import org.dunshield.core.complaint.Complaint;
import org.dunshield.core.report.CaseReport;

/**
 * Exports reports and complaints to files, all or nothing, each with a {@code FILE.sha256} beside it.
 * The CJK font for PDFs is found with {@link CjkFont#locate()} on first use. Not thread-safe.
 *
 * <pre>{@code
 * String sha = Reports.export(report, Format.PDF, Path.of("case.pdf"));
 * }</pre>
 */
public final class Reports {
  private Reports() {}

  /** Writes {@code report} as {@code format} to {@code out}; returns the file's SHA-256. */
  public static String export(CaseReport report, Format format, Path out) {
    return switch (format) {
      case JSON -> Exports.writeWithChecksum(out, o -> JsonReport.write(report, o));
      case CSV -> Exports.writeWithChecksum(out, o -> CsvReport.write(report, o));
      case HTML -> Exports.writeWithChecksum(out, o -> HtmlReport.write(report, o));
      case PDF -> withFont(font -> Exports.writeWithChecksum(out, o -> PdfReport.write(report, font, o)));
    };
  }

  /** Writes a complaint as PDF when {@code out} ends in {@code .pdf}, else as UTF-8 text; returns its SHA-256. */
  public static String export(Complaint complaint, Path out) {
    if (out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf")) {
      return withFont(font -> Exports.writeWithChecksum(out, o -> ComplaintPdf.write(complaint, font, o)));
    }
    return Exports.writeWithChecksum(out, o -> o.write(complaint.text().getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Writes a letter (such as a deferral request) as PDF when {@code out} ends in {@code .pdf}, else as
   * UTF-8 text, all or nothing; returns its SHA-256.
   */
  public static String exportLetter(String text, Path out) {
    if (out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf")) {
      return withFont(font -> Exports.write(out, o -> LetterPdf.write(text, font, o)));
    }
    return Exports.write(out, o -> o.write(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** {@code report} as {@code format}, in memory (for the HTTP API); the bytes {@link #export} writes. */
  public static byte[] render(CaseReport report, Format format) {
    return switch (format) {
      case JSON -> bytes(o -> JsonReport.write(report, o));
      case CSV -> bytes(o -> CsvReport.write(report, o));
      case HTML -> bytes(o -> HtmlReport.write(report, o));
      case PDF -> withFontBytes(font -> bytes(o -> PdfReport.write(report, font, o)));
    };
  }

  /** A complaint as PDF ({@code pdf}) or UTF-8 text, in memory; the bytes {@link #export} writes. */
  public static byte[] render(Complaint complaint, boolean pdf) {
    if (pdf) {
      return withFontBytes(font -> bytes(o -> ComplaintPdf.write(complaint, font, o)));
    }
    return complaint.text().getBytes(StandardCharsets.UTF_8);
  }

  /** A letter (such as a deferral request) as PDF, in memory (for the web application); what {@link #exportLetter} writes to a .pdf. */
  public static byte[] renderLetter(String text) {
    return withFontBytes(font -> bytes(o -> LetterPdf.write(text, font, o)));
  }

  /** The MIME type of {@code format}, with the charset for text formats. */
  public static String contentType(Format format) {
    return switch (format) {
      case PDF -> "application/pdf";
      case HTML -> "text/html; charset=utf-8";
      case CSV -> "text/csv; charset=utf-8";
      case JSON -> "application/json; charset=utf-8";
    };
  }

  private static byte[] bytes(Exports.Body body) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(64 * 1024);
    try {
      body.writeTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException("render: " + e.getMessage(), e);
    }
    return out.toByteArray();
  }

  private interface FontBytes {
    byte[] run(CjkFont font);
  }

  private static byte[] withFontBytes(FontBytes work) {
    try (CjkFont font = CjkFont.open(CjkFont.locate())) {
      return work.run(font);
    } catch (IOException e) {
      throw new UncheckedIOException("close the font", e);
    }
  }

  private interface FontWork {
    String run(CjkFont font);
  }

  private static String withFont(FontWork work) {
    try (CjkFont font = CjkFont.open(CjkFont.locate())) {
      return work.run(font);
    } catch (IOException e) {
      throw new UncheckedIOException("close the font", e);
    }
  }
}
