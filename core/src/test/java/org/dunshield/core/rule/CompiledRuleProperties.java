package org.dunshield.core.rule;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.dunshield.core.number.NumberKind;
import org.dunshield.core.number.NumberParser;
import org.dunshield.core.number.PhoneNumber;
import org.dunshield.core.screen.Action;

/** A compiled wildcard rule's shortcuts (length and tail checks) never change what {@link Glob} decides. */
class CompiledRuleProperties {
  private static final NumberForms FORMS = new NumberForms(NumberParser.forRegion("CN"));

  @Property(tries = 3_000)
  void wildcardRuleMatchesExactlyWhenTheGlobDoes(@ForAll("globs") String glob, @ForAll("digits") String digits) {
    Rule rule = new Rule(1, Action.BLOCK, MatchKind.WILDCARD, "+" + glob, ChannelScope.BOTH, 0, "", null);
    PhoneNumber number = PhoneNumber.of("+" + digits, NumberKind.UNKNOWN);
    CompiledRule compiled = new CompiledRule(rule, FORMS);

    assertThat(compiled.matches(number)).as(glob + " on " + digits).isEqualTo(Glob.matches(glob, digits));
    assertThat(compiled.matches(number, digits)).isEqualTo(Glob.matches(glob, digits));
  }

  @Provide
  Arbitrary<String> globs() {
    return Arbitraries.strings().withChars("0188*?").ofMinLength(0).ofMaxLength(8).map(s -> "8" + s);
  }

  @Provide
  Arbitrary<String> digits() {
    return Arbitraries.strings().withChars("0188").ofMinLength(1).ofMaxLength(12).map(s -> "8" + s);
  }
}
