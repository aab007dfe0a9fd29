package org.dunshield.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dunshield.core.contact.Contact;
import org.dunshield.core.event.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportFileTest {
  @TempDir
  Path dir;

  @Test
  void detectsByContentWhateverTheExtension() throws Exception {
    Path misnamed = dir.resolve("contacts.txt");
    Files.copy(Samples.path("sms.xml"), misnamed);

    ImportFile file = ImportFile.detect(misnamed);

    assertThat(file.format()).isEqualTo(Format.SMS_BACKUP);
    assertThat(file.size()).isEqualTo(Files.size(misnamed));
    assertThat(file.name()).isEqualTo(misnamed.toString());
  }

  @Test
  void readsAnUploadedStreamOnce() {
    byte[] csv = "number,date,type\n13800138000,1791767400000,missed\n".getBytes(StandardCharsets.UTF_8);
    ImportFile upload = ImportFile.detect("upload.csv", new ByteArrayInputStream(csv), csv.length);

    List<Event> events = new ArrayList<>();
    try (RecordReader<Event> reader = upload.events(ReadOptions.defaults())) {
      reader.forEachRemaining(events::add);
    }

    assertThat(upload.format()).isEqualTo(Format.CALL_LOG_CSV);
    assertThat(events).hasSize(1);
    assertThatThrownBy(() -> upload.events(ReadOptions.defaults())).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void refusesToReadContactsAsEventsAndTheOtherWayRound() {
    ImportFile contacts = ImportFile.detect(Samples.path("contacts.vcf"));
    ImportFile calls = ImportFile.detect(Samples.path("calls.xml"));

    assertThatThrownBy(() -> contacts.events(ReadOptions.defaults()))
        .isInstanceOf(FormatException.class).hasMessageContaining("holds vCard contacts, not calls or messages");
    assertThatThrownBy(() -> calls.contacts(ReadOptions.defaults()))
        .isInstanceOf(FormatException.class).hasMessageContaining("not an address book");
  }

  @Test
  void reportsProgressOfAContactImport() {
    ImportFile file = ImportFile.detect(Samples.path("contacts.vcf"));
    List<Long> progress = new ArrayList<>();

    try (RecordReader<Contact> reader = file.contacts(ReadOptions.defaults()
        .withProgress((read, total) -> progress.add(read)))) {
      reader.forEachRemaining(c -> { });
    }

    assertThat(progress).containsExactly(file.size());
  }

  @Test
  void namesAMissingFile() {
    assertThatThrownBy(() -> ImportFile.detect(dir.resolve("nope.xml")))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageEndingWith("nope.xml: cannot read: no such file");
  }
}
