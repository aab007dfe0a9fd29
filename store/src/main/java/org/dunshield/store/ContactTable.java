package org.dunshield.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.dunshield.core.contact.Contact;
import org.dunshield.core.contact.ContactRepository;
import org.dunshield.core.history.ImportCount;
import org.dunshield.core.number.NumberKind;
import org.dunshield.core.number.PhoneNumber;

/**
 * One owner's address book in the {@code contacts} table, one row per name and number. A contact
 * counts as imported when at least one of its numbers was new, else as skipped. Contacts are sorted
 * by name in Java, so the order does not depend on the database's collation. Thread-safe.
 */
final class ContactTable implements ContactRepository {
  private final Sql sql;
  private final long owner;

  ContactTable(Sql sql, long owner) {
    this.sql = sql;
    this.owner = owner;
  }

  @Override
  public ImportCount importAll(Iterator<Contact> contacts) {
    return sql.write("import contacts", s -> {
      PreparedStatement insert = s.prepare(
          "INSERT INTO contacts (owner, name, e164, kind) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING");
      long imported = 0;
      long skipped = 0;
      while (contacts.hasNext()) {
        Contact contact = contacts.next();
        int added = 0;
        for (PhoneNumber number : contact.numbers()) {
          insert.setLong(1, owner);
          insert.setString(2, contact.name());
          insert.setString(3, number.e164());
          insert.setString(4, number.kind().code());
          added += insert.executeUpdate();
        }
        if (added > 0) {
          imported++;
        } else {
          skipped++;
        }
      }
      return new ImportCount(imported, skipped);
    });
  }

  @Override
  public List<Contact> list() {
    return sql.read("list contacts", s -> {
      PreparedStatement select = s.prepare("SELECT name, e164, kind FROM contacts WHERE owner = ? ORDER BY id");
      select.setLong(1, owner);
      Map<String, List<PhoneNumber>> byName = new TreeMap<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          byName.computeIfAbsent(rows.getString(1), n -> new ArrayList<>())
              .add(PhoneNumber.of(rows.getString(2), NumberKind.fromCode(rows.getString(3))));
        }
      }
      List<Contact> list = new ArrayList<>(byName.size());
      byName.forEach((name, numbers) -> list.add(new Contact(name, numbers)));
      return list;
    });
  }

  @Override
  public Set<PhoneNumber> numbers() {
    return sql.read("list contact numbers", s -> {
      PreparedStatement select = s.prepare("SELECT e164, kind FROM contacts WHERE owner = ?");
      select.setLong(1, owner);
      Set<PhoneNumber> numbers = new HashSet<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          numbers.add(PhoneNumber.of(rows.getString(1), NumberKind.fromCode(rows.getString(2))));
        }
      }
      return Set.copyOf(numbers);
    });
  }
}
