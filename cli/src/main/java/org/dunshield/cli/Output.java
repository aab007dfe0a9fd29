package org.dunshield.cli;

import java.io.PrintWriter;
import org.dunshield.server.Json;

/** Printing helpers shared by the commands. */
final class Output {
  private Output() {}

  /** Prints one JSON document. */
  static void json(PrintWriter out, Object value) {
    out.println(Json.pretty(value));
    out.flush();
  }

  /** Pads or cuts {@code s} to {@code width} display columns (CJK characters count as two). */
  static String cell(String s, int width) {
    StringBuilder b = new StringBuilder();
    int used = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      int w = Character.isIdeographic(cp) || (cp >= 0xFF00 && cp <= 0xFFEF) || (cp >= 0x3000 && cp <= 0x303F) ? 2 : 1;
      if (used + w > width) {
        break;
      }
      b.appendCodePoint(cp);
      used += w;
      i += Character.charCount(cp);
    }
    return b.append(" ".repeat(Math.max(0, width - used))).toString();
  }
}
