package org.dunshield.formats;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Recognises a format from the first kilobyte of a file, never from its name: {@code BEGIN:VCARD}
 * is a vCard; XML whose root is {@code <calls>} or {@code <smses>} is an SMS Backup &amp; Restore
 * backup; a first line naming {@code number} and {@code date} columns is a CSV call log. Stateless.
 */
final class FormatDetector {
  /** How much of a file detection looks at. */
  static final int HEAD_BYTES = 1024;

  private FormatDetector() {}

  static Format detect(String file, byte[] head, int length) {
    if (length == 0) {
      throw new FormatException(file, 0, null, "the file is empty");
    }
    int b0 = head[0] & 0xFF;
    int b1 = length > 1 ? head[1] & 0xFF : -1;
    if ((b0 == 0xFE && b1 == 0xFF) || (b0 == 0xFF && b1 == 0xFE)) {
      throw new FormatException(file, 0, null, "the file is UTF-16 encoded; save it as UTF-8");
    }
    if (b0 == 'P' && b1 == 'K') {
      throw new FormatException(file, 0, null, "the file is a ZIP archive; extract the backup from it first");
    }
    if (b0 == 0x1F && b1 == 0x8B) {
      throw new FormatException(file, 0, null, "the file is gzip-compressed; decompress it first");
    }
    int start = length >= 3 && b0 == 0xEF && b1 == 0xBB && (head[2] & 0xFF) == 0xBF ? 3 : 0;
    String text = new String(head, start, length - start, StandardCharsets.UTF_8).stripLeading();
    if (text.regionMatches(true, 0, "BEGIN:VCARD", 0, 11)) {
      return Format.VCARD;
    }
    if (text.startsWith("<")) {
      String root = xmlRoot(text);
      if ("calls".equals(root)) {
        return Format.CALLS_BACKUP;
      }
      if ("smses".equals(root)) {
        return Format.SMS_BACKUP;
      }
      throw new FormatException(file, 0, null, (root == null ? "the file is XML" : "the file is XML with root <"
          + root + ">") + ", but not an SMS Backup & Restore backup, whose root is <calls> or <smses>");
    }
    int end = text.indexOf('\n');
    String firstLine = (end < 0 ? text : text.substring(0, end)).strip();
    if (firstLine.indexOf(',') >= 0) {
      boolean number = false;
      boolean date = false;
      for (String column : firstLine.split(",", -1)) {
        String name = column.strip();
        if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
          name = name.substring(1, name.length() - 1).strip();
        }
        name = name.toLowerCase(Locale.ROOT);
        number |= name.equals("number");
        date |= name.equals("date") || name.equals("time");
      }
      if (number && date) {
        return Format.CALL_LOG_CSV;
      }
      throw new FormatException(file, 1, null, "the file looks like CSV, but a CSV call log's header row must name"
          + " its columns, at least number,date,type");
    }
    throw new FormatException(file, 0, null, "not a recognised format: expected a vCard (BEGIN:VCARD), an SMS"
        + " Backup & Restore backup (<calls> or <smses>) or a CSV call log with a header row number,date,type");
  }

  /**
   * The name of the first element, or of the DOCTYPE when no element starts within the head; null
   * if neither is there.
   */
  private static String xmlRoot(String text) {
    String doctype = null;
    int i = 0;
    while (true) {
      int lt = text.indexOf('<', i);
      if (lt < 0 || lt + 1 >= text.length()) {
        return doctype;
      }
      char next = text.charAt(lt + 1);
      if (next == '?' || next == '!') {
        if (text.startsWith("<!DOCTYPE", lt) && doctype == null) {
          doctype = name(text, lt + "<!DOCTYPE".length());
        }
        int close = text.startsWith("<!--", lt) ? text.indexOf("-->", lt) : text.indexOf('>', lt);
        if (close < 0) {
          return doctype;
        }
        i = close + 1;
        continue;
      }
      return name(text, lt + 1);
    }
  }

  private static String name(String text, int from) {
    int i = from;
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    int start = i;
    while (i < text.length() && !Character.isWhitespace(text.charAt(i)) && "/>[".indexOf(text.charAt(i)) < 0) {
      i++;
    }
    return i > start ? text.substring(start, i) : null;
  }
}
