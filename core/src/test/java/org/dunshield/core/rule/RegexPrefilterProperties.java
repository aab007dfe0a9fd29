package org.dunshield.core.rule;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.dunshield.core.number.InvalidNumberException;
import org.dunshield.core.number.NumberKind;
import org.dunshield.core.number.NumberParser;
import org.dunshield.core.number.PhoneNumber;
import org.junit.jupiter.api.Test;

/** The literal pre-filter may skip a regex only when the regex cannot match. */
class RegexPrefilterProperties {
  private static final NumberParser CN = NumberParser.forRegion("CN");
  private static final NumberForms FORMS = new NumberForms(CN);

  @Property(tries = 3_000)
  void neverHidesAMatch(@ForAll("regexes") String regex, @ForAll("numbers") String raw) {
    PhoneNumber number;
    try {
      number = CN.parse(raw);
    } catch (InvalidNumberException e) {
      return;
    }
    Pattern compiled;
    try {
      compiled = Pattern.compile(regex);
    } catch (com.google.re2j.PatternSyntaxException e) {
      return; // not a rule anyone could add
    }
    boolean matches = FORMS.anyMatches(text -> compiled.matcher(text).find(), (char) 0, number);
    if (matches) {
      assertThat(FORMS.mayContain(NumberForms.requiredDigits(regex), number)).as(regex + " on " + number).isTrue();
      assertThat(number.digitString()).as(regex + " on " + number).endsWith(NumberForms.regexSuffix(regex));
    }
  }

  @Property(tries = 3_000)
  void skipsOnlyTheFormsThatCannotMatch(@ForAll("regexes") String regex, @ForAll("numbers") String raw) {
    PhoneNumber number;
    Pattern compiled;
    try {
      number = CN.parse(raw);
      compiled = Pattern.compile(regex);
    } catch (InvalidNumberException | com.google.re2j.PatternSyntaxException e) {
      return;
    }
    List<String> forms = new ArrayList<>(List.of(number.e164()));
    if (number.e164().startsWith("+86")) {
      forms.add(number.e164().substring(3));
      if (number.kind() == NumberKind.LANDLINE) {
        forms.add("0" + number.e164().substring(3));
      }
    }
    boolean anyForm = forms.stream().anyMatch(form -> compiled.matcher(form).find());
    assertThat(FORMS.anyMatches(text -> compiled.matcher(text).find(), NumberForms.leadingChar(regex), number)).as(regex + " on " + forms)
        .isEqualTo(anyForm);
    String digits = NumberForms.requiredDigits(regex);
    assertThat(FORMS.mayContain(digits, number)).as(digits + " in " + forms)
        .isEqualTo(forms.stream().anyMatch(form -> form.contains(digits)));
  }

  @Test
  void readsTheFirstCharacterOnlyWhenNothingMakesItOptional() {
    assertThat(NumberForms.leadingChar("^1700\\d{7}$")).isEqualTo('1');
    assertThat(NumberForms.leadingChar("^\\+861700")).isEqualTo('+');
    assertThat(NumberForms.leadingChar("^0755")).isEqualTo('0');
    assertThat(NumberForms.leadingChar("^1+7")).isEqualTo('1'); // one or more: still the first
    assertThat(NumberForms.leadingChar("^1?7")).isEqualTo((char) 0);
    assertThat(NumberForms.leadingChar("^1*7")).isEqualTo((char) 0);
    assertThat(NumberForms.leadingChar("^1{0}7")).isEqualTo((char) 0);
    assertThat(NumberForms.leadingChar("^\\+?86")).isEqualTo((char) 0);
    assertThat(NumberForms.leadingChar("^1|8888$")).isEqualTo((char) 0); // the second branch starts anywhere
    assertThat(NumberForms.leadingChar("^0(?i){0}1")).isEqualTo((char) 0); // the {0} repeats the 0
    assertThat(NumberForms.leadingChar("1700")).isEqualTo((char) 0);
    assertThat(NumberForms.leadingChar("^(?:170|171)")).isEqualTo((char) 0);
    assertThat(NumberForms.leadingChar("^\\d")).isEqualTo((char) 0);
    assertThat(NumberForms.leadingChar("^")).isEqualTo((char) 0);
  }

  @Test
  void readsOnlyTheLiteralDigitsThatEndEveryMatch() {
    assertThat(NumberForms.regexSuffix("8888$")).isEqualTo("8888");
    assertThat(NumberForms.regexSuffix("^1[3-9]\\d{5}0000$")).isEqualTo("0000");
    assertThat(NumberForms.regexSuffix("^075512345678$")).isEqualTo("345678"); // six at most: alike in every form
    assertThat(NumberForms.regexSuffix("8888")).isEmpty(); // not anchored at the end
    assertThat(NumberForms.regexSuffix("(?:1234|5678)$")).isEmpty();
    assertThat(NumberForms.regexSuffix("^170|8888$")).isEmpty(); // the first branch ends anywhere
    assertThat(NumberForms.regexSuffix("8{4}$")).isEmpty();
    assertThat(NumberForms.regexSuffix("88\\$")).isEmpty(); // a literal dollar sign
    assertThat(NumberForms.regexSuffix("\\x3888$")).isEmpty(); // hex escape: its digits are not literal
    assertThat(NumberForms.regexSuffix("\\0128$")).isEmpty(); // octal escape
    assertThat(NumberForms.regexSuffix("\\\\8$")).isEqualTo("8"); // an escaped backslash, then a digit
  }

  @Test
  void readsOnlyDigitsThatEveryMatchMustContain() {
    assertThat(NumberForms.requiredDigits("8888$")).isEqualTo("8888");
    assertThat(NumberForms.requiredDigits("^171\\d{4}5678")).isEqualTo("5678");
    assertThat(NumberForms.requiredDigits("^17?1")).isEqualTo("1");
    assertThat(NumberForms.requiredDigits("(170|171)")).isEmpty();
    assertThat(NumberForms.requiredDigits("[0-9]{11}")).isEmpty();
    assertThat(NumberForms.requiredDigits("^0755")).isEqualTo("0755");
    assertThat(NumberForms.requiredDigits("^7(?i){0}1")).isEmpty();
    assertThat(NumberForms.requiredDigits("\\Q17\\E?3")).isEmpty(); // the ? applies to the 7 alone
    assertThat(NumberForms.requiredDigits("\\0612345")).isEmpty(); // octal escape for 12345
  }

  @Provide
  Arbitrary<String> regexes() {
    Arbitrary<String> atoms = Arbitraries.of("1", "7", "8", "0", "\\d", "[78]", "\\d{2}", "8{2}", "7?", "1*", "(71)", "7+", ".", "(?i)", "{0}", "\\Q17\\E", "\\061", "\\x38", "\\$", "|8");
    return atoms.list().ofMinSize(1).ofMaxSize(6).map(list -> String.join("", list))
        .flatMap(body -> Arbitraries.of(body, "^" + body, body + "$", "^\\+86" + body, "^0" + body));
  }

  @Provide
  Arbitrary<String> numbers() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars("0178").ofLength(8).map(s -> "171" + s),
        Arbitraries.strings().withChars("0178").ofLength(8).map(s -> "0755" + s),
        Arbitraries.strings().withChars("0178").ofLength(4).map(s -> "95" + s),
        Arbitraries.of("17188880001", "+12125550123", "95588", "010-62345678"));
  }
}
