package org.dunshield.report;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.dunshield.core.report.Counted;

/**
 * A flowing A4 layout over PDFBox: headings, wrapped paragraphs, table rows and bar charts, with new
 * pages as needed and a footer on each. Text is wrapped by character (nothing is dropped at a line
 * end, so joining the lines gives the text back exactly); characters the font lacks are written as
 * {@code [U+XXXX]}. Buffers pages in a temporary file, not the heap. Not thread-safe.
 */
final class PdfPages implements AutoCloseable {
  static final float MARGIN = 48;
  private static final PDRectangle SIZE = PDRectangle.A4;
  private static final float LEADING = 1.35f;

  private final PDDocument doc;
  private final PDType0Font font;
  private final String footer;
  private final Map<Integer, Float> widths = new HashMap<>();
  private PDPageContentStream page;
  private float y;
  private int pages;

  PdfPages(CjkFont cjk, String title, String footer) throws IOException {
    this.doc = new PDDocument(IOUtils.createTempFileOnlyStreamCache());
    this.font = cjk.load(doc);
    this.footer = footer;
    PDDocumentInformation info = doc.getDocumentInformation();
    info.setTitle(title);
    info.setProducer("Dunshield");
  }

  float width() {
    return SIZE.getWidth() - 2 * MARGIN;
  }

  void heading(String text, float size) throws IOException {
    space(size * 0.8f);
    need(size * LEADING * 2);
    lines(text, size, 0, width());
    space(size * 0.3f);
  }

  void paragraph(String text, float size) throws IOException {
    for (String para : text.split("\n", -1)) {
      lines(para, size, 0, width());
    }
  }

  void space(float points) throws IOException {
    if (page != null) {
      y -= points;
    }
  }

  /** One table row: each cell wrapped into its column; the row never splits across pages unless taller than one. */
  void row(float[] columns, String[] cells, float size, boolean bold) throws IOException {
    List<List<String>> wrapped = new ArrayList<>(cells.length);
    int height = 1;
    for (int i = 0; i < cells.length; i++) {
      List<String> cellLines = new ArrayList<>();
      for (String part : cells[i].split("\n", -1)) {
        cellLines.addAll(wrap(part, size, columns[i] - 4));
      }
      wrapped.add(cellLines);
      height = Math.max(height, cellLines.size());
    }
    float line = size * LEADING;
    if (height * line < SIZE.getHeight() - 2 * MARGIN - 20) {
      need(height * line);
    }
    for (int l = 0; l < height; l++) {
      need(line);
      y -= line;
      float x = MARGIN;
      for (int i = 0; i < cells.length; i++) {
        if (l < wrapped.get(i).size()) {
          show(wrapped.get(i).get(l), size, x, y, bold);
        }
        x += columns[i];
      }
    }
    y -= size * 0.25f;
  }

  /** A bar chart {@code height} points tall; bars whose index {@code shaded} accepts get a shaded background. */
  void barChart(String title, List<Counted> bars, IntPredicate shaded, float height) throws IOException {
    heading(title, 10);
    need(height + 14);
    int max = Math.max(1, bars.stream().mapToInt(Counted::count).max().orElse(1));
    float top = y;
    float bottom = y - height;
    float step = width() / Math.max(1, bars.size());
    for (int i = 0; i < bars.size(); i++) {
      float x = MARGIN + i * step;
      if (shaded.test(i)) {
        page.setNonStrokingColor(new Color(0xFF, 0xDD, 0xDD));
        page.addRect(x, bottom, step, height);
        page.fill();
      }
      float h = bars.get(i).count() * (height - 12) / (float) max;
      page.setNonStrokingColor(new Color(0x33, 0x66, 0xCC));
      page.addRect(x + step * 0.1f, bottom, Math.max(0.5f, step * 0.8f), h);
      page.fill();
      page.setNonStrokingColor(Color.BLACK);
      if (bars.get(i).count() > 0 && bars.size() <= 31) {
        show(Integer.toString(bars.get(i).count()), 6, x + step * 0.1f, bottom + h + 2, false);
      }
      int every = Math.max(1, bars.size() / 12);
      if (i % every == 0) {
        String label = bars.get(i).label();
        show(bars.size() > 24 ? label.substring(Math.max(0, label.length() - 5)) : label, 6, x, bottom - 8, false);
      }
    }
    page.setStrokingColor(Color.GRAY);
    page.moveTo(MARGIN, bottom);
    page.lineTo(MARGIN + width(), bottom);
    page.stroke();
    y = bottom - 14;
    if (top < y) {
      y = top;
    }
  }

  void save(OutputStream out) throws IOException {
    if (page == null) {
      newPage();
    }
    page.close();
    page = null;
    doc.save(out);
  }

  private void lines(String text, float size, float indent, float width) throws IOException {
    float line = size * LEADING;
    for (String l : wrap(text, size, width - indent)) {
      need(line);
      y -= line;
      show(l, size, MARGIN + indent, y, false);
    }
  }

  private void need(float points) throws IOException {
    if (page == null || y - points < MARGIN) {
      newPage();
    }
  }

  private void newPage() throws IOException {
    if (page != null) {
      page.close();
    }
    PDPage p = new PDPage(SIZE);
    doc.addPage(p);
    pages++;
    page = new PDPageContentStream(doc, p);
    y = SIZE.getHeight() - MARGIN;
    show(footer + "  -  " + pages, 7, MARGIN, MARGIN / 2, false);
  }

  private void show(String text, float size, float x, float atY, boolean bold) throws IOException {
    if (text.isEmpty()) {
      return;
    }
    page.beginText();
    page.setFont(font, size);
    if (bold) {
      page.setRenderingMode(org.apache.pdfbox.pdmodel.graphics.state.RenderingMode.FILL_STROKE);
      page.setLineWidth(size / 30);
    }
    page.newLineAtOffset(x, atY);
    page.showText(text);
    if (bold) {
      page.setRenderingMode(org.apache.pdfbox.pdmodel.graphics.state.RenderingMode.FILL);
    }
    page.endText();
  }

  /** Splits {@code text} into lines no wider than {@code width}, replacing characters the font lacks. */
  List<String> wrap(String text, float size, float width) throws IOException {
    List<String> out = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    float used = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      String glyph = printable(cp);
      float w = glyphWidth(glyph) * size / 1000;
      if (used + w > width && line.length() > 0) {
        out.add(line.toString());
        line.setLength(0);
        used = 0;
      }
      line.append(glyph);
      used += w;
    }
    if (line.length() > 0 || out.isEmpty()) {
      out.add(line.toString());
    }
    return out;
  }

  private String printable(int cp) throws IOException {
    if (cp == '\t' || Character.isISOControl(cp)) {
      return " ";
    }
    if (Float.isNaN(codeWidth(cp))) {
      return String.format("[U+%04X]", cp);
    }
    return new String(Character.toChars(cp));
  }

  private float glyphWidth(String glyph) throws IOException {
    if (glyph.codePointCount(0, glyph.length()) == 1) {
      return codeWidth(glyph.codePointAt(0));
    }
    float w = 0;
    for (int i = 0; i < glyph.length(); i++) {
      w += codeWidth(glyph.charAt(i));
    }
    return w;
  }

  /** The width of one code point in font units, or NaN when the font has no glyph for it. */
  private float codeWidth(int cp) throws IOException {
    Float cached = widths.get(cp);
    if (cached == null) {
      String s = new String(Character.toChars(cp));
      try {
        byte[] encoded = font.encode(s);
        cached = encoded.length == 0 ? Float.NaN : font.getStringWidth(s);
        if (cp != ' ' && font.getFontDescriptor() != null && encoded.length > 0 && isNotdef(encoded)) {
          cached = Float.NaN;
        }
      } catch (IllegalArgumentException | IllegalStateException noGlyph) {
        cached = Float.NaN;
      }
      widths.put(cp, cached);
    }
    return cached;
  }

  private static boolean isNotdef(byte[] encoded) {
    for (byte b : encoded) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void close() throws IOException {
    if (page != null) {
      page.close();
    }
    doc.close();
  }
}
