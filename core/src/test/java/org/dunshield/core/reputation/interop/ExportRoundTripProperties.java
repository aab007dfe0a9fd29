package org.dunshield.core.reputation.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.dunshield.core.number.NumberKind;
import org.dunshield.core.number.PhoneNumber;
import org.dunshield.core.reputation.Polarity;
import org.dunshield.core.screen.Category;

/** Any blocklist written in any layout reads back, through that layout as documented, to the same list. */
class ExportRoundTripProperties {
  private static final Instant NOW = Instant.parse("2026-10-14T00:00:00Z");

  private static String write(ExportFormat format, Blocklist list) throws IOException {
    StringWriter out = new StringWriter();
    BlocklistWriter.write(format, list, out, NOW);
    return out.toString();
  }

  private static Set<String> expandedE164(Blocklist list) {
    return BlocklistWriter.expanded(list).stream().map(e -> e.number().e164())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Property(tries = 300)
  void spamBlockerRulesMatchExactlyTheListedNumbers(@ForAll("lists") Blocklist list) throws IOException {
    List<Layouts.SpamBlockerRule> rules = Layouts.spamBlocker(write(ExportFormat.SPAMBLOCKER, list));
    assertThat(rules).hasSize(list.numbers().size() + list.prefixes().size());
    for (int i = 0; i < list.numbers().size(); i++) {
      Blocklist.Entry e = list.numbers().get(i);
      Pattern p = Pattern.compile(rules.get(i).pattern());
      String digits = e.number().digitString();
      assertThat(p.matcher(digits).matches()).isTrue();
      assertThat(p.matcher(digits.substring(2)).matches()).as("national form").isTrue();
      assertThat(p.matcher(digits + "0").matches()).isFalse();
      assertThat(rules.get(i).description()).startsWith(e.category().en());
      assertThat(rules.get(i).blacklist()).isTrue();
    }
    for (int i = 0; i < list.prefixes().size(); i++) {
      Blocklist.Prefix prefix = list.prefixes().get(i);
      Pattern p = Pattern.compile(rules.get(list.numbers().size() + i).pattern());
      String inside = prefix.digits() + "7".repeat(prefix.freeDigits());
      assertThat(p.matcher(inside).matches()).isTrue();
      assertThat(p.matcher(inside + "7").matches()).isFalse();
    }
  }

  @Property(tries = 300)
  void yacbRowsCarryEveryNumberAndPattern(@ForAll("lists") Blocklist list) throws IOException {
    List<Layouts.YacbRow> rows = Layouts.yacb(write(ExportFormat.YACB, list));
    assertThat(rows).extracting(Layouts.YacbRow::id)
        .isEqualTo(java.util.stream.LongStream.rangeClosed(1, rows.size()).boxed().toList());
    List<String> expected = new java.util.ArrayList<>();
    list.numbers().forEach(e -> expected.add(e.number().e164()));
    list.prefixes().forEach(p -> expected.add("+" + p.digits() + "#".repeat(p.freeDigits())));
    assertThat(rows).extracting(Layouts.YacbRow::pattern).isEqualTo(expected);
    for (int i = 0; i < list.numbers().size(); i++) {
      assertThat(rows.get(i).created()).isEqualTo(list.numbers().get(i).since().toEpochMilli());
      assertThat(rows.get(i).name()).startsWith(list.numbers().get(i).category().en());
    }
  }

  @Property(tries = 200)
  void callAttendantE164AndVcardHoldTheExpandedNumbers(@ForAll("lists") Blocklist list) throws IOException {
    Set<String> expected = expandedE164(list);
    Set<String> fromCsv = Layouts.callAttendant(write(ExportFormat.CALLATTENDANT, list)).stream()
        .map(r -> "+" + r.phoneNo()).collect(Collectors.toCollection(TreeSet::new));
    assertThat(fromCsv).isEqualTo(expected);

    List<String> lines = write(ExportFormat.E164, list).lines().toList();
    assertThat(new TreeSet<>(lines)).isEqualTo(expected);
    assertThat(lines).hasSize(expected.size());
    assertThat(lines).isSortedAccordingTo(java.util.Comparator.comparingLong(s -> Long.parseLong(s.substring(1))));

    List<List<String>> cards = Layouts.vcard(write(ExportFormat.VCARD, list));
    assertThat(cards).allSatisfy(c -> assertThat(c).hasSizeLessThanOrEqualTo(BlocklistWriter.VCARD_NUMBERS_PER_CONTACT));
    Set<String> fromCards = cards.stream().flatMap(List::stream).collect(Collectors.toCollection(TreeSet::new));
    assertThat(fromCards).isEqualTo(expected);
  }

  @Provide
  Arbitrary<Blocklist> lists() {
    Arbitrary<Category> harmful = Arbitraries.of(java.util.Arrays.stream(Category.values())
        .filter(c -> Polarity.of(c) == Polarity.HARMFUL).toList());
    Arbitrary<Blocklist.Entry> entries = Combinators.combine(
            Arbitraries.longs().between(13_000_000_000L, 19_999_999_999L), harmful,
            Arbitraries.integers().between(0, 5_000), Arbitraries.longs().between(0, 1_800_000_000_000L))
        .as((n, c, r, t) -> new Blocklist.Entry(PhoneNumber.of("+86" + n, NumberKind.MOBILE), c, r,
            Instant.ofEpochMilli(t)));
    Arbitrary<Blocklist.Prefix> prefixes = Combinators.combine(
            Arbitraries.longs().between(1_300_000_000L, 1_999_999_999L), Arbitraries.of(2, 4), harmful,
            Arbitraries.integers().between(1, 99))
        .as((p, free, c, n) -> new Blocklist.Prefix("86" + (free == 2 ? p : p / 100), free, c, n));
    return Combinators.combine(entries.list().ofMaxSize(40).uniqueElements(e -> e.number()),
        prefixes.list().ofMaxSize(6).uniqueElements(p -> p.digits() + "/" + p.freeDigits()))
        .as(Blocklist::new);
  }
}
