package org.dunshield.core.reputation.interop;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.dunshield.core.number.NumberKind;
import org.dunshield.core.number.PhoneNumber;
import org.dunshield.core.screen.Category;

/**
 * Writes a {@link Blocklist} in another blocker's layout ({@code docs/reputation.md}, "Exports").
 * Formats without patterns (callattendant, E.164, vCard) get the numbers of each block of 100
 * spelled out; blocks of 10,000 and open prefixes only reach SpamBlocker and YetAnotherCallBlocker.
 * Stateless; thread-safe.
 */
public final class BlocklistWriter {
  /** Numbers per vCard contact: phones import large contacts badly. */
  public static final int VCARD_NUMBERS_PER_CONTACT = 500;

  private BlocklistWriter() {}

  /** Writes {@code list} as {@code format}; {@code now} stamps formats that want a creation time. */
  public static void write(ExportFormat format, Blocklist list, Writer out, Instant now) throws IOException {
    switch (format) {
      case SPAMBLOCKER -> spamBlocker(list, out);
      case YACB -> yacb(list, out, now);
      case CALLATTENDANT -> callAttendant(list, out);
      case E164 -> e164(list, out);
      case VCARD -> vcard(list, out);
    }
    out.flush();
  }

  private static void spamBlocker(Blocklist list, Writer out) throws IOException {
    out.write("pattern,description,priority,flags,isBlacklist,blockType\n");
    for (Blocklist.Entry e : list.numbers()) {
      out.write(regex(e.number().digitString(), 0) + "," + plain(describe(e.category(), e.reports(), "report"))
          + ",1,3,true,0\n");
    }
    for (Blocklist.Prefix p : list.prefixes()) {
      out.write(regex(p.digits(), p.freeDigits()) + "," + plain(describe(p.category(), p.numbers(), "number"))
          + ",1,3,true,0\n");
    }
  }

  /** {@code ^(86)?17188880001$}: SpamBlocker drops "+" and leading zeros, so national and international forms both match. */
  static String regex(String digits, int freeDigits) {
    int cc = CountryCodes.length(digits);
    String head = cc == 0 ? digits : "(" + digits.substring(0, cc) + ")?" + digits.substring(cc);
    String tail = switch (freeDigits) {
      case 0 -> "";
      case -1 -> "\\d*";
      default -> "\\d{" + freeDigits + "}";
    };
    return "^" + head + tail + "$";
  }

  private static void yacb(Blocklist list, Writer out, Instant now) throws IOException {
    out.write("ID,name,pattern,creationTimestamp,numberOfCalls,lastCallTimestamp\n");
    long id = 1;
    for (Blocklist.Entry e : list.numbers()) {
      out.write(id++ + "," + csv(describe(e.category(), e.reports(), "report")) + "," + e.number().e164() + ","
          + e.since().toEpochMilli() + ",0,0\n");
    }
    for (Blocklist.Prefix p : list.prefixes()) {
      String pattern = "+" + p.digits() + (p.freeDigits() == -1 ? "*" : "#".repeat(p.freeDigits()));
      out.write(id++ + "," + csv(describe(p.category(), p.numbers(), "number")) + "," + pattern + ","
          + now.toEpochMilli() + ",0,0\n");
    }
  }

  private static void callAttendant(Blocklist list, Writer out) throws IOException {
    out.write("PhoneNo,Name,Reason\n");
    for (Blocklist.Entry e : expanded(list)) {
      String digits = e.number().digitString();
      String phone = digits.length() == 11 && digits.startsWith("1") ? digits.substring(1) : digits;
      out.write(phone + "," + csv(e.category().en()) + "," + csv("Dunshield: " + describe(e.category(), e.reports(),
          "report")) + "\n");
    }
  }

  private static void e164(Blocklist list, Writer out) throws IOException {
    for (Blocklist.Entry e : expanded(list)) {
      out.write(e.number().e164());
      out.write('\n');
    }
  }

  private static void vcard(Blocklist list, Writer out) throws IOException {
    List<Blocklist.Entry> all = expanded(list);
    int cards = (all.size() + VCARD_NUMBERS_PER_CONTACT - 1) / VCARD_NUMBERS_PER_CONTACT;
    for (int c = 0; c < cards; c++) {
      String name = "Dunshield spam" + (cards > 1 ? " " + (c + 1) : "");
      out.write("BEGIN:VCARD\r\nVERSION:3.0\r\n");
      out.write("FN:" + name + "\r\n");
      out.write("N:" + name + ";;;;\r\n");
      out.write("NOTE:Numbers the Dunshield community reputation flags; block this contact to block them.\r\n");
      for (Blocklist.Entry e : all.subList(c * VCARD_NUMBERS_PER_CONTACT,
          Math.min(all.size(), (c + 1) * VCARD_NUMBERS_PER_CONTACT))) {
        out.write("TEL;TYPE=VOICE:" + e.number().e164() + "\r\n");
      }
      out.write("END:VCARD\r\n");
    }
  }

  /** The numbers plus every number of each block of 100, in ascending numeric order, without repeats. */
  static List<Blocklist.Entry> expanded(Blocklist list) {
    java.util.TreeMap<Long, Blocklist.Entry> all = new java.util.TreeMap<>();
    for (Blocklist.Entry e : list.numbers()) {
      all.put(e.number().digits(), e);
    }
    for (Blocklist.Prefix p : list.prefixes()) {
      if (p.freeDigits() != 2) {
        continue;
      }
      long first = Long.parseLong(p.digits()) * 100;
      for (long d = first; d < first + 100; d++) {
        all.putIfAbsent(d, new Blocklist.Entry(PhoneNumber.of("+" + d, NumberKind.UNKNOWN), p.category(), 0,
            Instant.EPOCH));
      }
    }
    return new ArrayList<>(all.values());
  }

  private static String describe(Category category, int count, String noun) {
    return category.en() + (count > 0 ? " - " + count + " " + noun + (count == 1 ? "" : "s") : "");
  }

  /** SpamBlocker splits on every comma, quotes or not: keep commas out. */
  private static String plain(String text) {
    return text.replace(',', ';').replace('"', '\'');
  }

  /** An RFC 4180 field: quoted when it holds a comma, quote or line break. */
  static String csv(String text) {
    if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
      return text;
    }
    return "\"" + text.replace("\"", "\"\"") + "\"";
  }
}
