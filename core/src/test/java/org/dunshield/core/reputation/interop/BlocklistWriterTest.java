package org.dunshield.core.reputation.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.dunshield.core.number.NumberParser;
import org.dunshield.core.screen.Category;
import org.junit.jupiter.api.Test;

/** The exact bytes of each layout for a small list: what docs/reputation.md shows. */
class BlocklistWriterTest {
  private static final NumberParser CN = NumberParser.forRegion("CN");
  private static final Instant SINCE = Instant.parse("2026-10-01T00:00:00Z");
  private static final Instant NOW = Instant.parse("2026-10-14T00:00:00Z");
  private static final Blocklist LIST = new Blocklist(
      List.of(new Blocklist.Entry(CN.parse("17188880001"), Category.DEBT_COLLECTION, 312, SINCE),
          new Blocklist.Entry(NumberParser.forRegion("US").parse("800 555 1212"), Category.FRAUD, 1, SINCE)),
      List.of(new Blocklist.Prefix("86165123456", 2, Category.DEBT_COLLECTION, 5),
          new Blocklist.Prefix("861651234", 4, Category.FRAUD, 25)));

  private static String write(ExportFormat format, Blocklist list) throws IOException {
    StringWriter out = new StringWriter();
    BlocklistWriter.write(format, list, out, NOW);
    return out.toString();
  }

  @Test
  void spamBlocker() throws IOException {
    assertThat(write(ExportFormat.SPAMBLOCKER, LIST)).isEqualTo("""
        pattern,description,priority,flags,isBlacklist,blockType
        ^(1)?8005551212$,fraud - 1 report,1,3,true,0
        ^(86)?17188880001$,debt collection - 312 reports,1,3,true,0
        ^(86)?1651234\\d{4}$,fraud - 25 numbers,1,3,true,0
        ^(86)?165123456\\d{2}$,debt collection - 5 numbers,1,3,true,0
        """);
  }

  @Test
  void yetAnotherCallBlocker() throws IOException {
    assertThat(write(ExportFormat.YACB, LIST)).isEqualTo("""
        ID,name,pattern,creationTimestamp,numberOfCalls,lastCallTimestamp
        1,fraud - 1 report,+18005551212,1790812800000,0,0
        2,debt collection - 312 reports,+8617188880001,1790812800000,0,0
        3,fraud - 25 numbers,+861651234####,1791936000000,0,0
        4,debt collection - 5 numbers,+86165123456##,1791936000000,0,0
        """);
  }

  @Test
  void callAttendantSpellsOutBlocksOf100() throws IOException {
    String text = write(ExportFormat.CALLATTENDANT, LIST);
    assertThat(text).startsWith("""
        PhoneNo,Name,Reason
        8005551212,fraud,Dunshield: fraud - 1 report
        8616512345600,debt collection,Dunshield: debt collection
        """);
    assertThat(text.lines()).hasSize(1 + 1 + 1 + 100);
  }

  @Test
  void e164IsSortedNumerically() throws IOException {
    List<String> lines = write(ExportFormat.E164, LIST).lines().toList();
    assertThat(lines).hasSize(102);
    assertThat(lines.get(0)).isEqualTo("+18005551212");
    assertThat(lines.get(1)).isEqualTo("+8616512345600");
    assertThat(lines.get(101)).isEqualTo("+8617188880001");
  }

  @Test
  void vcardSplitsIntoContactsOf500Numbers() throws IOException {
    List<Blocklist.Prefix> blocks = new java.util.ArrayList<>();
    for (int i = 0; i < 7; i++) {
      blocks.add(new Blocklist.Prefix("8616512345" + i, 2, Category.FRAUD, 4));
    }
    String text = write(ExportFormat.VCARD, new Blocklist(List.of(), blocks));
    assertThat(text).startsWith("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Dunshield spam 1\r\n");
    assertThat(Layouts.vcard(text)).extracting(List::size).containsExactly(500, 200);
  }
}
