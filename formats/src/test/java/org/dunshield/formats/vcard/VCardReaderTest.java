package org.dunshield.formats.vcard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dunshield.core.contact.Contact;
import org.dunshield.core.number.PhoneNumber;
import org.dunshield.formats.FormatException;
import org.dunshield.formats.ReadOptions;
import org.dunshield.formats.RecordReader;
import org.dunshield.formats.SkipReason;
import org.junit.jupiter.api.Test;

class VCardReaderTest {
  @Test
  void readsVersions21And30And40MixedInOneFile() {
    List<Contact> contacts = readAll(resource("mixed-versions.vcf"));

    assertThat(contacts).extracting(Contact::name)
        .containsExactly("深圳分公司总部", "Dr. John Q Smith Jr.", "Li Na", "王磊", "王磊");
  }

  @Test
  void decodesQuotedPrintableWithASoftLineBreakInsideACharacter() {
    Contact office = readAll(resource("mixed-versions.vcf")).get(0);

    assertThat(office.name()).isEqualTo("深圳分公司总部");
  }

  @Test
  void keepsEveryDistinctNumberOfAContactAndSkipsItsPhoto() {
    Contact office = readAll(resource("mixed-versions.vcf")).get(0);

    assertThat(office.numbers()).extracting(PhoneNumber::e164)
        .containsExactly("+8613800138000", "+861062345678", "+862155550101");
  }

  @Test
  void readsGroupedTelsAndTelUris() {
    List<Contact> contacts = readAll(resource("mixed-versions.vcf"));

    assertThat(contacts.get(1).numbers()).extracting(PhoneNumber::e164)
        .containsExactly("+8613900005678", "+8675512345678");
    assertThat(contacts.get(2).numbers()).extracting(PhoneNumber::e164).containsExactly("+8613900001111");
  }

  @Test
  void buildsChineseNamesFromNFamilyNameFirst() {
    assertThat(Names.fromStructured(List.of("王", "磊", "", "", ""))).isEqualTo("王磊");
    assertThat(Names.fromStructured(List.of("Smith", "John"))).isEqualTo("John Smith");
  }

  @Test
  void decodesTheCharsetEachPropertyNames() {
    Contact gbk = readAll(resource("mixed-versions.vcf")).get(4);

    assertThat(gbk.name()).isEqualTo("王磊");
    assertThat(gbk.numbers()).extracting(PhoneNumber::e164).containsExactly("+8613700005555");
  }

  @Test
  void takesBytesThatAreNotUtf8AsGb18030() {
    assertThat(readAll(resource("gb18030-without-charset.vcf"))).extracting(Contact::name).containsExactly("李四");
  }

  @Test
  void dropsAJunkNumberWhenTheContactHasAnotherAndSkipsContactsWithoutValidNumbers() {
    RecordReader<Contact> reader = resource("junk-numbers.vcf");
    List<Contact> contacts = readAll(reader);

    assertThat(contacts).extracting(Contact::name).containsExactly("Has Junk", "Wang, Lei");
    assertThat(contacts.get(0).numbers()).extracting(PhoneNumber::e164).containsExactly("+8613800138000");
    assertThat(reader.skippedByReason()).isEqualTo(Map.of(
        SkipReason.CONTACT_WITHOUT_VALID_NUMBER, 1L, SkipReason.CONTACT_WITHOUT_NUMBER, 1L));
    assertThat(reader.warnings()).containsExactly(
        "junk-numbers.vcf:5: TEL 'n/a' is not a phone number (no phone number found in it);"
            + " skipped, contact 'Has Junk' keeps 1 number",
        "junk-numbers.vcf:10: TEL 'unknown' is not a phone number (no phone number found in it);"
            + " contact 'Only Junk' is skipped: it has no valid number",
        "junk-numbers.vcf:11: TEL '12' is not a phone number (not a possible number);"
            + " contact 'Only Junk' is skipped: it has no valid number");
  }

  @Test
  void reportsAMissingEndNamingWhereTheCardStarts() {
    String vcf = "BEGIN:VCARD\nVERSION:3.0\nFN:A\nTEL:13800138000\nEND:VCARD\nBEGIN:VCARD\nFN:B\nTEL:13800138001\n";

    assertThatThrownBy(() -> readAll(open(vcf)))
        .isInstanceOf(FormatException.class)
        .hasMessage("contacts.vcf:9: the file ends inside the vCard that starts on line 6: END:VCARD is missing");
  }

  @Test
  void reportsALineThatIsNotAProperty() {
    String vcf = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\nthis is not a property\r\nEND:VCARD\r\n";

    assertThatThrownBy(() -> readAll(open(vcf)))
        .isInstanceOf(FormatException.class)
        .hasMessage("contacts.vcf:4: 'this is not a property' is not a vCard property: a property is NAME:value");
  }

  @Test
  void reportsAPropertyOutsideAnyCard() {
    assertThatThrownBy(() -> readAll(open("\nFN:A\n")))
        .isInstanceOf(FormatException.class)
        .hasMessage("contacts.vcf:2: expected BEGIN:VCARD, found a FN property outside any vCard");
  }

  @Test
  void refusesAValueLongerThanTheLimitButSkipsLongPropertiesItDoesNotNeed() {
    String photo = "PHOTO;ENCODING=b:" + "A".repeat(5000) + "\n";
    String ok = "BEGIN:VCARD\nVERSION:3.0\n" + photo + "FN:A\nTEL:13800138000\nEND:VCARD\n";
    String tooLong = "BEGIN:VCARD\nVERSION:3.0\nFN:" + "B".repeat(5000) + "\nTEL:13800138000\nEND:VCARD\n";
    ReadOptions options = ReadOptions.defaults().withMaxFieldChars(1000);

    assertThat(readAll(VCardReader.open(stream(ok), "ok.vcf", -1, options))).hasSize(1);
    assertThatThrownBy(() -> readAll(VCardReader.open(stream(tooLong), "long.vcf", -1, options)))
        .isInstanceOf(FormatException.class)
        .hasMessage("long.vcf:3: FN: the value is longer than the limit of 1000 bytes");
  }

  @Test
  void ignoresTheContentOfAnEmbeddedAgentCard() {
    String vcf = "BEGIN:VCARD\nVERSION:2.1\nFN:Boss\nTEL:13800138000\nAGENT:\nBEGIN:VCARD\nFN:Assistant\n"
        + "TEL:13900139000\nEND:VCARD\nEND:VCARD\n";

    List<Contact> contacts = readAll(open(vcf));

    assertThat(contacts).hasSize(1);
    assertThat(contacts.get(0).name()).isEqualTo("Boss");
    assertThat(contacts.get(0).numbers()).extracting(PhoneNumber::e164).containsExactly("+8613800138000");
  }

  @Test
  void acceptsAByteOrderMarkAndNameFromOrganisation() {
    byte[] body = "BEGIN:VCARD\nVERSION:3.0\nORG:China Mobile;Customer Service\nTEL:10086\nEND:VCARD\n"
        .getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[body.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(body, 0, withBom, 3, body.length);

    List<Contact> contacts = readAll(VCardReader.open(new ByteArrayInputStream(withBom), "c.vcf", withBom.length,
        ReadOptions.defaults()));

    assertThat(contacts).extracting(Contact::name).containsExactly("China Mobile");
  }

  private static RecordReader<Contact> open(String vcf) {
    return VCardReader.open(stream(vcf), "contacts.vcf", -1, ReadOptions.defaults());
  }

  private static InputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  private static RecordReader<Contact> resource(String name) {
    InputStream in = VCardReaderTest.class.getResourceAsStream(name);
    assertThat(in).as(name).isNotNull();
    return VCardReader.open(in, name, -1, ReadOptions.defaults());
  }

  private static List<Contact> readAll(RecordReader<Contact> reader) {
    List<Contact> contacts = new ArrayList<>();
    try (reader) {
      reader.forEachRemaining(contacts::add);
    }
    return contacts;
  }
}
