package org.dunshield.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.dunshield.core.contact.Contact;
import org.dunshield.core.event.CallEvent;
import org.dunshield.core.event.Direction;
import org.dunshield.core.event.Event;
import org.dunshield.core.event.Presentation;
import org.dunshield.core.event.SmsEvent;
import org.dunshield.core.number.PhoneNumber;
import org.junit.jupiter.api.Test;

class SampleFilesTest {
  private final ReadOptions options = ReadOptions.defaults();

  @Test
  void callsBackupHoldsThirteenCallsWithOneOutgoingAndOneHidden() {
    ImportFile file = ImportFile.detect(Samples.path("calls.xml"));
    assertThat(file.format()).isEqualTo(Format.CALLS_BACKUP);

    List<Event> events = readAll(file);

    assertThat(events).hasSize(13).allMatch(e -> e instanceof CallEvent);
    assertThat(events).filteredOn(e -> e.direction() == Direction.OUTGOING).hasSize(1);
    List<Event> hidden = events.stream().filter(e -> e.number() == null).toList();
    assertThat(hidden).hasSize(1);
    CallEvent hiddenCall = (CallEvent) hidden.get(0);
    assertThat(hiddenCall.presentation()).isEqualTo(Presentation.RESTRICTED);
    assertThat(hiddenCall.rawNumber()).isEmpty();
    CallEvent first = (CallEvent) events.get(0);
    assertThat(first.number().e164()).isEqualTo("+8613700001234");
    assertThat(first.contactName()).isEqualTo("爸爸");
    assertThat(first.duration().getSeconds()).isEqualTo(95);
    assertThat(first.at().toEpochMilli()).isEqualTo(1791765600000L);
  }

  @Test
  void smsBackupHoldsSixMessagesWithOneSentAndTheEmojiDecoded() {
    ImportFile file = ImportFile.detect(Samples.path("sms.xml"));
    assertThat(file.format()).isEqualTo(Format.SMS_BACKUP);

    List<Event> events = readAll(file);

    assertThat(events).hasSize(6).allMatch(e -> e instanceof SmsEvent);
    assertThat(events).filteredOn(e -> e.direction() == Direction.OUTGOING).hasSize(1);
    assertThat(events).map(e -> ((SmsEvent) e).body()).contains("中午吃了吗？😊");
  }

  @Test
  void vcardHoldsThreeContactsWithNormalisedNumbers() {
    ImportFile file = ImportFile.detect(Samples.path("contacts.vcf"));
    assertThat(file.format()).isEqualTo(Format.VCARD);

    List<Contact> contacts = new ArrayList<>();
    try (RecordReader<Contact> reader = file.contacts(options)) {
      reader.forEachRemaining(contacts::add);
      assertThat(reader.skipped()).isZero();
      assertThat(reader.warnings()).isEmpty();
    }

    assertThat(contacts).extracting(Contact::name).containsExactly("爸爸", "深圳办公室", "Wang Lei");
    assertThat(contacts).flatMap(Contact::numbers).extracting(PhoneNumber::e164)
        .containsExactly("+8613700001234", "+8675588886666", "+8613900005678");
  }

  private List<Event> readAll(ImportFile file) {
    List<Event> events = new ArrayList<>();
    try (RecordReader<Event> reader = file.events(options)) {
      reader.forEachRemaining(events::add);
      assertThat(reader.skipped()).isZero();
      assertThat(reader.bytesRead()).isEqualTo(file.size());
    }
    return events;
  }
}
