package org.dunshield.core.number;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The fast path for common shapes must give exactly what libphonenumber's general parser gives. */
class NumberParserProperties {
  private final NumberParser cn = NumberParser.forRegion("CN");

  @Property(tries = 8_000)
  void fastPathEqualsLibphonenumber(@ForAll("shapes") String raw) {
    String fast;
    String slow;
    try {
      PhoneNumber n = cn.parse(raw);
      fast = n.e164() + "/" + n.kind();
    } catch (InvalidNumberException e) {
      fast = "error";
    }
    try {
      PhoneNumber n = cn.parseSlow(raw);
      slow = n.e164() + "/" + n.kind();
    } catch (InvalidNumberException e) {
      slow = "error";
    }
    assertThat(fast).as(raw).isEqualTo(slow);
  }

  @Property(tries = 2_000)
  void normalisingTwiceChangesNothing(@ForAll("shapes") String raw) {
    PhoneNumber once;
    try {
      once = cn.parse(raw);
    } catch (InvalidNumberException e) {
      return;
    }
    assertThat(cn.parse(once.e164())).isEqualTo(once);
    assertThat(cn.parse(once.e164()).kind()).isEqualTo(once.kind());
  }

  @Provide
  Arbitrary<String> shapes() {
    Arbitrary<String> national = Combinators.combine(
            Arbitraries.of("1"), Arbitraries.strings().withChars("0123456789").ofLength(10))
        .as((a, b) -> a + b);
    Arbitrary<String> anyDigits = Arbitraries.strings().withChars("0123456789").ofMinLength(3).ofMaxLength(16);
    Arbitrary<String> prefix = Arbitraries.of("", "", "+86", "+86 ", "0086", "86", "+", "+1", "00", "0");
    Arbitrary<String> body = Arbitraries.oneOf(national, national, anyDigits);
    return Combinators.combine(prefix, body, Arbitraries.integers().between(0, 4))
        .as((p, b, style) -> p + separate(b, style));
  }

  private static String separate(String digits, int style) {
    return switch (style) {
      case 1 -> digits.length() > 7 ? digits.substring(0, 3) + " " + digits.substring(3, 7) + " " + digits.substring(7) : digits;
      case 2 -> digits.length() > 7 ? digits.substring(0, 3) + "-" + digits.substring(3, 7) + "-" + digits.substring(7) : digits;
      case 3 -> digits.length() > 4 ? "(" + digits.substring(0, 3) + ") " + digits.substring(3) : digits;
      case 4 -> digits.length() > 4 ? digits.substring(0, 2) + "." + digits.substring(2) : digits;
      default -> digits;
    };
  }
}
