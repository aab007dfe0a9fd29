package org.dunshield.core.rule;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.dunshield.core.number.InvalidNumberException;
import org.dunshield.core.number.NumberParser;
import org.dunshield.core.number.PhoneNumber;
import org.dunshield.core.screen.Action;
import org.junit.jupiter.api.Test;

/**
 * The literal analysis behind a regex rule's pre-filter ({@link CompiledRule.RequiredLiterals}) may
 * rule a number out only when RE2/J finds the pattern in no form of the number.
 */
class RequiredLiteralsProperties {
  private static final NumberParser CN = NumberParser.forRegion("CN");
  private static final NumberForms FORMS = new NumberForms(CN);

  @Property(tries = 5_000)
  void neverRulesOutANumberTheRegexMatches(@ForAll("regexes") String regex, @ForAll("numbers") String raw) {
    try {
      Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      Assume.that(false);
    }
    PhoneNumber number;
    try {
      number = CN.parse(raw);
    } catch (InvalidNumberException e) {
      return;
    }
    Rule rule = new Rule(1, Action.BLOCK, MatchKind.REGEX, regex, ChannelScope.BOTH, 0, "", null);
    if (FORMS.anyMatches(text -> Pattern.compile(regex).matcher(text).find(), (char) 0, number)) {
      assertThat(new CompiledRule(rule, FORMS).mayContainLiterals(number)).as(regex + " on " + number).isTrue();
    }
  }

  @Test
  void readsAlternativesRepeatsAndClasses() {
    assertThat(clauses("(?:1234|5678)$")).isEqualTo(List.of(List.of("1234", "5678")));
    assertThat(clauses("0{5}")).isEqualTo(List.of(List.of("00000")));
    assertThat(clauses("^(?:170|171)0\\d{7}$")).isEqualTo(List.of(List.of("1700", "1710")));
    assertThat(ruledOut("^1[3-9]\\d{5}0000$", "+8613812345678")).isTrue();
    assertThat(ruledOut("^1[3-9]\\d{5}0000$", "+8613812340000")).isFalse();
    assertThat(ruledOut("\\Q17\\E{2}", "+8613817717000")).isFalse(); // RE2 repeats the last quoted character
    assertThat(clauses("8888|\\d")).isEmpty();
    assertThat(clauses("[^0]{4}")).isEmpty();
    assertThat(ruledOut("^0(?i){0}1", "+8617100000000")).isFalse(); // the {0} repeats the 0, not the flag group
    assertThat(clauses("\\061\\062")).isEmpty(); // octal escapes are not modelled: no filter rather than a wrong one
  }

  private static boolean ruledOut(String regex, String e164) {
    String[][] clauses = CompiledRule.RequiredLiterals.of(regex);
    return clauses != null && Arrays.stream(clauses).anyMatch(c -> Arrays.stream(c).noneMatch(e164::contains));
  }

  private static List<List<String>> clauses(String regex) {
    String[][] clauses = CompiledRule.RequiredLiterals.of(regex);
    return clauses == null ? List.of() : Arrays.stream(clauses).map(c -> Arrays.stream(c).sorted().toList()).toList();
  }

  @Provide
  Arbitrary<String> regexes() {
    Arbitrary<String> atom = Arbitraries.of("1", "7", "8", "0", "\\d", "[78]", "[0-9]", "[^1]", ".", "(?:17|18)",
        "(170|171)", "(?:1234|5678)", "\\Q17\\E", "\\Q8\\E", "(?P<x>88)", "[[:digit:]]", "\\pN", "(71)", "[1-8]", "(?:|8)",
        "\\+", "{", "}");
    Arbitrary<String> quantifier = Arbitraries.of("", "", "", "?", "*", "+", "{2}", "{0,2}", "{2,}", "{3}", "??", "*?");
    Arbitrary<String> piece = Combinators.combine(atom, quantifier)
        .as((a, q) -> a.equals("{") || a.equals("}") ? a : a + q);
    Arbitrary<String> zeroWidth = Arbitraries.of("", "", "", "(?i)", "\\b", "(?s)");
    Arbitrary<String> body = Combinators.combine(zeroWidth, piece.list().ofMinSize(1).ofMaxSize(5))
        .as((z, pieces) -> z + String.join("", pieces));
    Arbitrary<String> anchored = body.flatMap(b -> Arbitraries.of(b, "^" + b, b + "$", "^\\+86" + b, "^0" + b, "^" + b + "$"));
    return Arbitraries.oneOf(anchored, Combinators.combine(anchored, anchored).as((a, b) -> a + "|" + b));
  }

  @Provide
  Arbitrary<String> numbers() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars("0178").ofLength(8).map(s -> "171" + s),
        Arbitraries.strings().withChars("0178").ofLength(8).map(s -> "138" + s),
        Arbitraries.strings().withChars("0178").ofLength(8).map(s -> "0755" + s),
        Arbitraries.strings().withChars("0178").ofLength(8).map(s -> "010" + s),
        Arbitraries.of(List.of("17188880001", "13800001234", "+12125550123", "95588", "010-62345678", "17000001234",
            "13800000000", "+447700900123")));
  }
}
