package org.dunshield.core.rule;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class GlobProperties {
  @Property(tries = 5_000)
  void matchesLikeTheEquivalentRegularExpression(@ForAll("globs") String glob, @ForAll("digits") String text) {
    Pattern regex = Pattern.compile(glob.replace("?", "[0-9]").replace("*", "[0-9]*"));
    assertThat(Glob.matches(glob, text)).isEqualTo(regex.matches(text));
  }

  @Property(tries = 3_000)
  void aWitnessMatchesBothPatternsAndNoneMeansDisjoint(
      @ForAll("globs") String a, @ForAll("globs") String b, @ForAll("digits") String probe) {
    String w = Glob.witness(a, b);
    if (w != null) {
      assertThat(Glob.matches(a, w)).isTrue();
      assertThat(Glob.matches(b, w)).isTrue();
    } else {
      assertThat(Glob.matches(a, probe) && Glob.matches(b, probe)).isFalse();
    }
  }

  @Provide
  Arbitrary<String> globs() {
    return Arbitraries.strings().withChars("0123*?").ofMinLength(0).ofMaxLength(8);
  }

  @Provide
  Arbitrary<String> digits() {
    return Arbitraries.strings().withChars("0123").ofMinLength(0).ofMaxLength(10);
  }
}
