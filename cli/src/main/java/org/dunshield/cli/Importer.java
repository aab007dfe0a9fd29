package org.dunshield.cli;

import java.nio.file.Path;
import org.dunshield.core.history.ImportCount;
import org.dunshield.formats.ImportFile;
import org.dunshield.formats.ReadOptions;
import org.dunshield.formats.RecordReader;

/**
 * Imports one file into the store, all or nothing: the reader streams into one transaction, and a
 * malformed record anywhere rolls the whole file back.
 */
final class Importer {
  /** What an import did, with the reader's own skips (drafts, contacts without numbers) included. */
  record Result(ImportFile file, ImportCount count, long warnings) {}

  private Importer() {}

  static Result run(App app, Path path, boolean contactsOnly) {
    ImportFile file = ImportFile.detect(path);
    if (contactsOnly && !file.format().holdsContacts()) {
      throw new IllegalArgumentException(path + ": this is a " + file.format().description()
          + ", not a vCard address book; use 'dunshield import' for it");
    }
    ReadOptions options = ReadOptions.defaults()
        .withNumbers(app.numbers())
        .withZone(app.settings().timezone())
        .withProgress(ProgressBar.forTerminal(path.getFileName().toString()));
    if (file.format().holdsContacts()) {
      try (RecordReader<org.dunshield.core.contact.Contact> reader = file.contacts(options)) {
        ImportCount stored = app.database().contacts().importAll(reader);
        return new Result(file, stored.plus(new ImportCount(0, reader.skipped())), warn(reader));
      }
    }
    try (RecordReader<org.dunshield.core.event.Event> reader = file.events(options)) {
      ImportCount stored = app.database().history().importAll(reader, path.getFileName().toString());
      return new Result(file, stored.plus(new ImportCount(0, reader.skipped())), warn(reader));
    }
  }

  private static long warn(RecordReader<?> reader) {
    for (String w : reader.warnings()) {
      System.err.println("warning: " + w);
    }
    return reader.warningCount();
  }
}
