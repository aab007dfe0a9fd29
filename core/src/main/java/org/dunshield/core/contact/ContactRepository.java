package org.dunshield.core.contact;

import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.dunshield.core.history.ImportCount;
import org.dunshield.core.number.PhoneNumber;

/** Stored contacts. Implementations are thread-safe. */
public interface ContactRepository {
  /**
   * Adds every contact the iterator yields in one transaction: if the iterator throws, nothing is
   * stored. A number already stored under the same name is skipped (imports are idempotent).
   */
  ImportCount importAll(Iterator<Contact> contacts);

  /** All contacts, ordered by name, numbers grouped per contact. */
  List<Contact> list();

  /** Every stored number, for the screening engine's contact check. */
  Set<PhoneNumber> numbers();
}
