package org.dunshield.core.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.dunshield.core.event.Channel;
import org.dunshield.core.number.InvalidNumberException;
import org.dunshield.core.number.NumberParser;
import org.dunshield.core.number.PhoneNumber;
import org.dunshield.core.screen.Action;

/** The indexed book must decide exactly as the reference that tries every rule in order. */
class RuleBookProperties {
  private static final NumberParser CN = NumberParser.forRegion("CN");
  private static final RuleParser RULES = new RuleParser(CN);
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  @Property(tries = 600)
  void indexedBookDecidesLikeTheLinearReference(
      @ForAll("ruleSets") List<Rule> rules, @ForAll("numbers") List<String> numbers,
      @ForAll("channels") Channel channel, @ForAll("instants") Instant at) {
    RuleBook indexed = RuleBook.indexed(rules, CN);
    RuleBook linear = RuleBook.linear(rules, CN);
    for (String raw : numbers) {
      PhoneNumber n;
      try {
        n = CN.parse(raw);
      } catch (InvalidNumberException e) {
        continue;
      }
      assertThat(indexed.match(n, channel, at, ZONE)).as(raw + " with " + rules).isEqualTo(linear.match(n, channel, at, ZONE));
    }
    assertThat(indexed.match(null, channel, at, ZONE)).isEqualTo(linear.match(null, channel, at, ZONE));
  }

  @Provide
  Arbitrary<List<Rule>> ruleSets() {
    Arbitrary<Rule> rule = Combinators.combine(
            Arbitraries.of(Action.ALLOW, Action.BLOCK, Action.SILENCE),
            kindAndPattern(),
            Arbitraries.of(ChannelScope.values()),
            Arbitraries.integers().between(-2, 2),
            Arbitraries.of("", "", "debt_collection", "boss"),
            Arbitraries.of((String) null, null, "Mon-Fri 22:00-08:00", "daily 09:00-18:00"))
        .as((action, kp, channel, priority, label, when) ->
            RULES.parse(action, kp.kind(), kp.pattern(), channel, priority, label, when));
    return rule.list().ofMaxSize(25).map(list -> {
      List<Rule> withIds = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        withIds.add(list.get(i).withId(i + 1));
      }
      return withIds;
    });
  }

  record KindAndPattern(MatchKind kind, String pattern) {}

  private Arbitrary<KindAndPattern> kindAndPattern() {
    Arbitrary<String> digits = Arbitraries.strings().withChars("0178").ofMinLength(1).ofMaxLength(4);
    return Arbitraries.oneOf(
        Arbitraries.of("17188880001", "17188880002", "13800138000", "075588886666", "95588")
            .map(p -> new KindAndPattern(MatchKind.EXACT, p)),
        digits.map(d -> new KindAndPattern(MatchKind.PREFIX, "1" + d)),
        Arbitraries.strings().withChars("0178*?").ofMinLength(1).ofMaxLength(6)
            .map(p -> new KindAndPattern(MatchKind.WILDCARD, "1" + p)),
        Arbitraries.strings().withChars("0178*?").ofMinLength(1).ofMaxLength(6)
            .map(p -> new KindAndPattern(MatchKind.WILDCARD, "*" + p)),
        Arbitraries.of("^171", "^\\+86171", "8888", "^1[78]", "0001$", "^0755", "^17?1", "(170|171)",
                "8888$", "\\d{2}0001$", "^1[78]\\d*01$", "1?8$", "^0755\\d*8886666$", "\\$8$",
                "0755\\d", "(?:0755|0106)", "(?:88|17)0", "^1\\d{2}(?:00)", "(?:01|75)5")
            .map(p -> new KindAndPattern(MatchKind.REGEX, p)),
        Arbitraries.of("mobile", "virtual_mobile", "landline", "service", "hidden", "international")
            .map(p -> new KindAndPattern(MatchKind.TYPE, p)));
  }

  @Provide
  Arbitrary<List<String>> numbers() {
    Arbitrary<String> mobile = Arbitraries.strings().withChars("0178").ofLength(8).map(s -> "171" + s);
    Arbitrary<String> fixed = Arbitraries.of("17188880001", "17188880002", "13800138000", "075588886666",
        "95588", "+12125550123", "17012345678", "110", "17108880001");
    Arbitrary<String> landline = Arbitraries.strings().withChars("0168").ofLength(8).map(s -> "0755" + s);
    return Arbitraries.oneOf(mobile, fixed, landline).list().ofMinSize(1).ofMaxSize(8);
  }

  @Provide
  Arbitrary<Channel> channels() {
    return Arbitraries.of(Channel.values());
  }

  @Provide
  Arbitrary<Instant> instants() {
    return Arbitraries.longs().between(0, 7L * 24 * 3600).map(s -> Instant.parse("2026-11-30T00:00:00Z").plusSeconds(s));
  }
}
