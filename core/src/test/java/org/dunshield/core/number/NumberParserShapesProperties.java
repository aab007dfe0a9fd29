package org.dunshield.core.number;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The landline, 400/800 and short-number fast paths give exactly what libphonenumber's general
 * parser gives. One parser serves every try, and the generated numbers share few eight-digit
 * prefixes with random tails, so most tries are answered from what an earlier try taught the cache.
 */
class NumberParserShapesProperties {
  private static final NumberParser CN = NumberParser.forRegion("CN");

  @Property(tries = 20_000)
  void fastPathEqualsLibphonenumber(@ForAll("shapes") String raw) {
    assertThat(describe(raw, true)).as(raw).isEqualTo(describe(raw, false));
  }

  private static String describe(String raw, boolean fast) {
    try {
      PhoneNumber n = fast ? CN.parse(raw) : CN.parseSlow(raw);
      return n.e164() + "/" + n.kind();
    } catch (InvalidNumberException e) {
      return "error";
    }
  }

  @Provide
  Arbitrary<String> shapes() {
    Arbitrary<String> area = Arbitraries.oneOf(
        Arbitraries.of("10", "20", "21", "22", "23", "24", "25", "27", "28", "29", "311", "351", "371", "411",
            "431", "451", "512", "571", "591", "731", "755", "757", "769", "871", "898", "433", "754", "851",
            "978", "994", "310", "335", "349", "701", "801"),
        Arbitraries.strings().withChars("0123456789").ofMinLength(2).ofMaxLength(3));
    Arbitrary<String> exchange = Arbitraries.strings().withChars("0123456789").ofMinLength(0).ofMaxLength(5)
        .filter(s -> s.isEmpty() || s.length() >= 3 || s.charAt(0) != '5'); // a few prefixes, often repeated
    Arbitrary<String> national = Combinators.combine(area, exchange.injectDuplicates(0.9),
            Arbitraries.strings().withChars("0123456789").ofMinLength(4).ofMaxLength(9))
        .as((a, e, tail) -> a + e + tail);
    Arbitrary<String> landline = Combinators.combine(
            Arbitraries.of("0", "0", "+86", "+86 ", "0086", "(0", "+86-", "86", "", "00"), national,
            Arbitraries.integers().between(0, 3))
        .as((prefix, digits, style) -> prefix + (prefix.equals("(0") ? split(digits, 3, ") ") : split(digits, style, " ")));
    Arbitrary<String> businessLine = Combinators.combine(Arbitraries.of("400", "800", "401", "808"),
            Arbitraries.strings().withChars("0123456789").ofLength(7), Arbitraries.of("", "-", " "))
        .as((p, rest, sep) -> p + sep + rest.substring(0, 3) + sep + rest.substring(3));
    Arbitrary<String> shortNumber = Arbitraries.oneOf(
        Arbitraries.of("95588", "95555", "10086", "10010", "12315", "12345", "96110", "110", "120", "112", "114"),
        Arbitraries.strings().withChars("0123456789").ofMinLength(1).ofMaxLength(7));
    return Arbitraries.oneOf(landline, landline, businessLine, shortNumber);
  }

  private static String split(String digits, int at, String separator) {
    return at > 0 && digits.length() > at + 1 ? digits.substring(0, at) + separator + digits.substring(at) : digits;
  }
}
