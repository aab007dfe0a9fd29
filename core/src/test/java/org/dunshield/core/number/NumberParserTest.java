package org.dunshield.core.number;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class NumberParserTest {
  private final NumberParser cn = NumberParser.forRegion("CN");

  @ParameterizedTest(name = "{0} -> {1} ({2})")
  @CsvSource(delimiter = '|', value = {
    "13800138000|+8613800138000|mobile",
    "138 0013 8000|+8613800138000|mobile",
    "+86 138-0013-8000|+8613800138000|mobile",
    "0086138 0013 8000|+8613800138000|mobile",
    "8613800138000|+8613800138000|mobile",
    "+8613800138000|+8613800138000|mobile",
    "010-62345678|+861062345678|landline",
    "(021) 5555 0101|+862155550101|landline",
    "0755 1234 5678|+8675512345678|landline",
    "17188880001|+8617188880001|virtual_mobile",
    "170 1234 5678|+8617012345678|virtual_mobile",
    "16512345678|+8616512345678|virtual_mobile",
    "110|+86110|emergency",
    "120|+86120|emergency",
    "95588|+8695588|service",
    "10086|+8610086|service",
    "12321|+8612321|government",
    "12378|+8612378|government",
    "4008001234|+864008001234|toll_free",
    "8008001234|+868008001234|toll_free",
    "1069000111|+861069000111|landline",
    "10657555000|+8610657555000|short_code",
    "106575550000|+86106575550000|short_code",
    "+1 212 555 0123|+12125550123|international",
    "+44 7911 123456|+447911123456|international",
  })
  void normalisesTheShapesRealExportsContain(String raw, String e164, String kind) {
    PhoneNumber n = cn.parse(raw);
    assertThat(n.e164()).isEqualTo(e164);
    assertThat(n.kind().code()).isEqualTo(kind);
  }

  @ParameterizedTest
  @ValueSource(strings = {"not-a-number", "", "   ", "abc", "+", "12"})
  void refusesWhatIsNotANumberWithATypedReason(String raw) {
    assertThatThrownBy(() -> cn.parse(raw))
        .isInstanceOf(InvalidNumberException.class)
        .satisfies(e -> assertThat(((InvalidNumberException) e).reason()).isNotNull())
        .hasMessageContaining("");
  }

  @Test
  void namesTheInputInTheMessage() {
    assertThatThrownBy(() -> cn.parse("not-a-number")).hasMessageContaining("'not-a-number'");
  }

  @Test
  void refusesAbsurdlyLongInput() {
    assertThatThrownBy(() -> cn.parse("1".repeat(500)))
        .isInstanceOf(InvalidNumberException.class)
        .satisfies(e -> assertThat(((InvalidNumberException) e).reason()).isEqualTo(InvalidNumberException.Reason.TOO_LONG));
  }

  @Test
  void anotherDefaultRegionReadsNationalNumbersThere() {
    NumberParser us = NumberParser.forRegion("US");
    PhoneNumber n = us.parse("(212) 555-0123");
    assertThat(n.e164()).isEqualTo("+12125550123");
    assertThat(us.parse("+86 138 0013 8000").kind()).isEqualTo(NumberKind.INTERNATIONAL);
  }

  @Test
  void unknownRegionIsRefused() {
    assertThatThrownBy(() -> NumberParser.forRegion("XX")).hasMessageContaining("unknown region");
  }

  @Test
  void numbersAreEqualByTheirE164Form() {
    assertThat(cn.parse("138 0013 8000")).isEqualTo(cn.parse("+8613800138000"));
    assertThat(cn.parse("13800138000").digits()).isEqualTo(8613800138000L);
  }
}
