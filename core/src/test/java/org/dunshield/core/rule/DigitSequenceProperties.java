package org.dunshield.core.rule;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** A regex read as a digit sequence finds exactly what RE2/J finds, in any text. */
class DigitSequenceProperties {
  @Property(tries = 5_000)
  void findsWhatRe2Finds(@ForAll("regexes") String regex, @ForAll("texts") String text) {
    DigitSequence sequence = DigitSequence.of(regex);
    if (sequence == null) {
      return; // another shape: RE2/J decides
    }
    Pattern compiled;
    try {
      compiled = Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new AssertionError("read as a sequence but RE2/J refuses it: " + regex, e);
    }
    assertThat(sequence.find(text)).as(regex + " in " + text).isEqualTo(compiled.matcher(text).find());
  }

  @Test
  void readsOnlySequencesOfSingleCharacters() {
    assertThat(DigitSequence.of("^1700\\d{7}$")).isNotNull();
    assertThat(DigitSequence.of("^400[1-9]\\d{6}$")).isNotNull();
    assertThat(DigitSequence.of("^\\+861700")).isNotNull();
    assertThat(DigitSequence.of("8888$")).isNotNull();
    assertThat(DigitSequence.of("^1\\d{4}(?:00)\\d{4}$")).isNull();
    assertThat(DigitSequence.of("^1?7")).isNull();
    assertThat(DigitSequence.of("^\\d{2,4}")).isNull();
    assertThat(DigitSequence.of("^[^0]")).isNull();
    assertThat(DigitSequence.of("1|8")).isNull();
    assertThat(DigitSequence.of("^$")).isNull();
    assertThat(DigitSequence.of("8$8")).isNull();
    assertThat(DigitSequence.of("7{0}1")).isNull();
    assertThat(DigitSequence.of("^[5-9]$").find("9")).isTrue();
    assertThat(DigitSequence.of("^[5-9]$").find("4")).isFalse();
    assertThat(DigitSequence.of("^[0-27]{2}$").find("27")).isTrue();
    assertThat(DigitSequence.of("^[0-27]{2}$").find("36")).isFalse();
    assertThat(DigitSequence.of("^\\+86\\d").find("+8613")).isTrue();
    assertThat(DigitSequence.of("^\\+86\\d").find("8613")).isFalse();
  }

  @Provide
  Arbitrary<String> regexes() {
    Arbitrary<String> atoms = Arbitraries.of("1", "7", "0", "8", "\\d", "\\+", "[5-9]", "[078]", "[0-27]", "\\d{3}",
        "7{2}", "[0-3]{2}", "1{10}", "(1)", "1?", ".", "{0}", "$", "^", "[^7]", "\\d{2,3}", "+", "|7", "[7-]", "8*");
    return atoms.list().ofMinSize(1).ofMaxSize(6).map(list -> String.join("", list))
        .flatMap(body -> Arbitraries.of(body, "^" + body, body + "$", "^" + body + "$"));
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.strings().withChars("+0123456789").ofMinLength(0).ofMaxLength(14);
  }
}
