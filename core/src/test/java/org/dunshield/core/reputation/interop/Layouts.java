package org.dunshield.core.reputation.interop;

import java.util.ArrayList;
import java.util.List;

/** Readers of the export layouts exactly as docs/reputation.md documents them, for round trips. */
final class Layouts {
  private Layouts() {}

  /** One SpamBlocker rule row. */
  record SpamBlockerRule(String pattern, String description, int priority, int flags, boolean blacklist, int blockType) {}

  /** SpamBlocker splits every line on commas (no quoting): six fields, the first line the header. */
  static List<SpamBlockerRule> spamBlocker(String text) {
    String[] lines = text.split("\n");
    check(lines[0].equals("pattern,description,priority,flags,isBlacklist,blockType"), "spamblocker header");
    List<SpamBlockerRule> rules = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      String[] f = lines[i].split(",", -1);
      check(f.length == 6, "six fields on line " + (i + 1) + ": " + lines[i]);
      rules.add(new SpamBlockerRule(f[0], f[1], Integer.parseInt(f[2]), Integer.parseInt(f[3]),
          Boolean.parseBoolean(f[4]), Integer.parseInt(f[5])));
    }
    return rules;
  }

  /** One YetAnotherCallBlocker blacklist row. */
  record YacbRow(long id, String name, String pattern, long created, long calls, long lastCall) {}

  static List<YacbRow> yacb(String text) {
    List<List<String>> rows = csv(text);
    check(rows.get(0).equals(List.of("ID", "name", "pattern", "creationTimestamp", "numberOfCalls",
        "lastCallTimestamp")), "yacb header");
    List<YacbRow> list = new ArrayList<>();
    for (List<String> r : rows.subList(1, rows.size())) {
      check(r.size() == 6, "six fields: " + r);
      list.add(new YacbRow(Long.parseLong(r.get(0)), r.get(1), r.get(2), Long.parseLong(r.get(3)),
          Long.parseLong(r.get(4)), Long.parseLong(r.get(5))));
    }
    return list;
  }

  /** One callattendant row. */
  record CallAttendantRow(String phoneNo, String name, String reason) {}

  static List<CallAttendantRow> callAttendant(String text) {
    List<List<String>> rows = csv(text);
    check(rows.get(0).equals(List.of("PhoneNo", "Name", "Reason")), "callattendant header");
    List<CallAttendantRow> list = new ArrayList<>();
    for (List<String> r : rows.subList(1, rows.size())) {
      check(r.size() == 3, "three fields: " + r);
      list.add(new CallAttendantRow(r.get(0), r.get(1), r.get(2)));
    }
    return list;
  }

  /** Every TEL of every card, per card. */
  static List<List<String>> vcard(String text) {
    check(text.isEmpty() || text.endsWith("\r\n"), "CRLF line ends");
    List<List<String>> cards = new ArrayList<>();
    List<String> current = null;
    for (String line : text.split("\r\n")) {
      if (line.isEmpty()) {
        continue;
      }
      check(!line.contains("\n"), "no bare LF");
      if (line.equals("BEGIN:VCARD")) {
        current = new ArrayList<>();
      } else if (line.equals("END:VCARD")) {
        cards.add(current);
        current = null;
      } else if (line.startsWith("TEL;TYPE=VOICE:")) {
        current.add(line.substring("TEL;TYPE=VOICE:".length()));
      } else {
        check(line.startsWith("VERSION:3.0") || line.startsWith("FN:") || line.startsWith("N:")
            || line.startsWith("NOTE:"), "known vCard property: " + line);
      }
    }
    check(current == null, "every card ends");
    return cards;
  }

  /** RFC 4180 rows (quoted fields may hold commas and doubled quotes). */
  static List<List<String>> csv(String text) {
    List<List<String>> rows = new ArrayList<>();
    for (String line : text.split("\n")) {
      List<String> fields = new ArrayList<>();
      StringBuilder f = new StringBuilder();
      boolean quoted = false;
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
        if (quoted) {
          if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
            f.append('"');
            i++;
          } else if (c == '"') {
            quoted = false;
          } else {
            f.append(c);
          }
        } else if (c == '"') {
          quoted = true;
        } else if (c == ',') {
          fields.add(f.toString());
          f.setLength(0);
        } else {
          f.append(c);
        }
      }
      fields.add(f.toString());
      rows.add(fields);
    }
    return rows;
  }

  private static void check(boolean ok, String what) {
    if (!ok) {
      throw new AssertionError("layout violated: " + what);
    }
  }
}
