package org.dunshield.formats.vcard;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.dunshield.core.contact.Contact;
import org.dunshield.core.number.InvalidNumberException;
import org.dunshield.core.number.NumberParser;
import org.dunshield.core.number.PhoneNumber;
import org.dunshield.formats.FormatException;
import org.dunshield.formats.SkipReason;
import org.dunshield.formats.internal.BaseRecordReader;
import org.dunshield.formats.internal.MeteredInputStream;

/** The contacts of one vCard file. Not thread-safe. */
final class VCardContacts extends BaseRecordReader<Contact> {
  private final VCardLexer lexer;
  private final NumberParser numbers;

  VCardContacts(String file, MeteredInputStream input, VCardLexer lexer, NumberParser numbers) {
    super(file, input);
    this.lexer = lexer;
    this.numbers = numbers;
  }

  @Override
  protected Contact readNext() throws IOException {
    while (true) {
      Property begin = lexer.next();
      if (begin == null) {
        return null;
      }
      if (!isVCardMarker(begin, "BEGIN")) {
        throw new FormatException(file(), begin.line(), null,
            "expected BEGIN:VCARD, found a " + begin.name() + " property outside any vCard");
      }
      Contact contact = readCard(begin.line());
      if (contact != null) {
        return contact;
      }
    }
  }

  /** Reads up to the matching END:VCARD; returns null when the card is skipped. */
  private Contact readCard(long start) throws IOException {
    String fullName = null;
    String structuredName = null;
    String organisation = null;
    List<Property> tels = new ArrayList<>();
    int nested = 0; // vCard 2.1 AGENT properties may embed a whole vCard: its content is not ours
    while (true) {
      Property p = lexer.next();
      if (p == null) {
        throw new FormatException(file(), lexer.line(), null,
            "the file ends inside the vCard that starts on line " + start + ": END:VCARD is missing");
      }
      if (isVCardMarker(p, "BEGIN")) {
        nested++;
        continue;
      }
      if (isVCardMarker(p, "END")) {
        if (nested == 0) {
          break;
        }
        nested--;
        continue;
      }
      if (nested > 0 || p.value() == null) {
        continue;
      }
      switch (p.name()) {
        case "FN" -> fullName = fullName == null || fullName.isBlank() ? p.value() : fullName;
        case "N" -> structuredName = structuredName == null ? p.value() : structuredName;
        case "ORG" -> organisation = organisation == null ? p.value() : organisation;
        case "TEL" -> tels.add(p);
        default -> { }
      }
    }
    String name = Names.displayName(fullName, structuredName, organisation);
    if (tels.isEmpty()) {
      skip(SkipReason.CONTACT_WITHOUT_NUMBER);
      return null;
    }
    Set<PhoneNumber> valid = new LinkedHashSet<>();
    List<String> junk = new ArrayList<>();
    List<Long> junkLines = new ArrayList<>();
    for (Property tel : tels) {
      String raw = telValue(tel);
      try {
        valid.add(numbers.parse(raw));
      } catch (InvalidNumberException e) {
        junk.add("TEL '" + abbreviate(raw) + "' is not a phone number (" + reason(e) + ")");
        junkLines.add(tel.line());
      }
    }
    String who = name.isEmpty() ? "the contact on line " + start : "contact '" + name + "'";
    for (int i = 0; i < junk.size(); i++) {
      String outcome = valid.isEmpty()
          ? "; " + who + " is skipped: it has no valid number"
          : "; skipped, " + who + " keeps " + valid.size() + (valid.size() == 1 ? " number" : " numbers");
      warn(junkLines.get(i), junk.get(i) + outcome);
    }
    if (valid.isEmpty()) {
      skip(SkipReason.CONTACT_WITHOUT_VALID_NUMBER);
      return null;
    }
    return new Contact(name, List.copyOf(valid));
  }

  /** The number in a TEL value: {@code tel:} URIs lose their scheme and parameters ({@code ;ext=}). */
  private static String telValue(Property tel) {
    String raw = tel.value().strip();
    boolean uri = tel.uri() || raw.regionMatches(true, 0, "tel:", 0, 4);
    if (uri) {
      if (raw.regionMatches(true, 0, "tel:", 0, 4)) {
        raw = raw.substring(4);
      }
      int params = raw.indexOf(';');
      if (params >= 0) {
        raw = raw.substring(0, params);
      }
    }
    return raw.strip();
  }

  private static boolean isVCardMarker(Property p, String name) {
    return p.name().equals(name) && p.value() != null
        && p.value().strip().toUpperCase(Locale.ROOT).equals("VCARD");
  }

  private static String reason(InvalidNumberException e) {
    return switch (e.reason()) {
      case EMPTY -> "it is empty";
      case NOT_A_NUMBER -> "no phone number found in it";
      case TOO_SHORT -> "too few digits";
      case TOO_LONG -> "too many digits";
      case INVALID_COUNTRY_CODE -> "unknown country calling code";
      case NOT_VALID_FOR_REGION -> "not a possible number";
    };
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 37) + "...";
  }
}
