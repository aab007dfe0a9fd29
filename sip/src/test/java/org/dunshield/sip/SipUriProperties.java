package org.dunshield.sip;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link SipUri} over generated input: every valid sip:, sips: and tel: URI parses and is written
 * back as it was given; any other string either parses (and then writes back to the same URI) or is
 * refused with IllegalArgumentException, never another exception.
 */
class SipUriProperties {

  /** A generated URI with the parts it was built from. */
  record Case(String text, String scheme, String user, String host, int port, String params) {}

  @Property(tries = 1000)
  void aValidSipUriIsWrittenBackAsGiven(@ForAll("sipUris") Case c) {
    SipUri uri = SipUri.parse(c.text());

    assertThat(uri).hasToString(c.text());
    assertThat(uri.scheme()).isEqualTo(c.scheme());
    assertThat(uri.user()).isEqualTo(c.user());
    assertThat(uri.host()).isEqualTo(c.host());
    assertThat(uri.port()).isEqualTo(c.port());
    assertThat(uri.params()).isEqualTo(c.params());
    assertThat(uri.isSip()).isTrue();
  }

  @Property(tries = 500)
  void aValidTelUriIsWrittenBackAsGiven(@ForAll("telUris") Case c) {
    SipUri uri = SipUri.parse(c.text());

    assertThat(uri).hasToString(c.text());
    assertThat(uri.user()).isEqualTo(c.user());
    assertThat(uri.userOnly()).isEqualTo(c.user());
    assertThat(uri.params()).isEqualTo(c.params());
    assertThat(uri.host()).isNull();
    assertThat(uri.isSip()).isFalse();
  }

  @Property(tries = 2000)
  void anyStringParsesOrIsRefusedWithIllegalArgument(@ForAll("uriLike") String text) {
    SipUri uri;
    try {
      uri = SipUri.parse(text);
    } catch (IllegalArgumentException refused) {
      assertThat(refused.getMessage()).isNotBlank();
      return;
    }
    assertThat(SipUri.parse(uri.toString())).as("what parses writes back to the same URI").isEqualTo(uri);
  }

  @Property(tries = 500)
  void anyUnicodeStringParsesOrIsRefusedWithIllegalArgument(@ForAll String text) {
    try {
      SipUri.parse(text);
      SipUri.parse("sip:" + text);
      SipUri.parse("tel:" + text);
    } catch (IllegalArgumentException refused) {
      assertThat(refused.getMessage()).isNotBlank();
    }
  }

  @Provide
  Arbitrary<Case> sipUris() {
    Arbitrary<String> scheme = Arbitraries.of("sip", "sips");
    Arbitrary<String> user = Arbitraries.oneOf(
        Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(15),
        Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(15).map(d -> "+" + d),
        Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').withCharRange('0', '9').withChars('+')
            .ofMinLength(1).ofMaxLength(20))
        .injectNull(0.3);
    Arbitrary<String> host = Arbitraries.oneOf(hostName(), ipv4(), ipv6());
    Arbitrary<Integer> port = Arbitraries.oneOf(Arbitraries.integers().between(0, 65535), Arbitraries.just(-1));
    return Combinators.combine(scheme, user, host, port, params()).as((s, u, h, p, ps) -> new Case(
        s + ":" + (u == null ? "" : u + "@") + h + (p < 0 ? "" : ":" + p) + ps, s, u, h, p, ps));
  }

  @Provide
  Arbitrary<Case> telUris() {
    Arbitrary<String> digits = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(4);
    Arbitrary<String> number = digits.list().ofMinSize(1).ofMaxSize(4)
        .map(groups -> String.join("-", groups));
    Arbitrary<String> global = Arbitraries.oneOf(number.map(n -> "+" + n), number);
    return Combinators.combine(global, params()).as((n, ps) -> new Case("tel:" + n + ps, "tel", n, null, -1, ps));
  }

  private static Arbitrary<String> hostName() {
    Arbitrary<String> label = Combinators.combine(
        Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').withCharRange('0', '9').ofLength(1),
        Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').withChars('-').ofMaxLength(10))
        .as(String::concat);
    return label.list().ofMinSize(1).ofMaxSize(4).map(labels -> String.join(".", labels));
  }

  private static Arbitrary<String> ipv4() {
    return Arbitraries.integers().between(0, 255).list().ofSize(4)
        .map(parts -> String.join(".", parts.stream().map(String::valueOf).toList()));
  }

  private static Arbitrary<String> ipv6() {
    Arbitrary<String> group = Arbitraries.integers().between(0, 0xffff).map(Integer::toHexString);
    Arbitrary<String> full = group.list().ofSize(8).map(g -> String.join(":", g));
    Arbitrary<String> compressed = Combinators.combine(group.list().ofMinSize(0).ofMaxSize(3),
        group.list().ofMinSize(0).ofMaxSize(3)).as((a, b) -> String.join(":", a) + "::" + String.join(":", b));
    Arbitrary<String> mapped = ipv4().map(v4 -> "::ffff:" + v4);
    return Arbitraries.oneOf(full, compressed, mapped).map(a -> "[" + a + "]");
  }

  /** Zero to three parameters, {@code ;name} or {@code ;name=value}. */
  private static Arbitrary<String> params() {
    Arbitrary<String> token = Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').withChars('-', '.', '_')
        .ofMinLength(1).ofMaxLength(8);
    Arbitrary<String> one = Combinators.combine(token, token.injectNull(0.4))
        .as((name, value) -> ";" + name + (value == null ? "" : "=" + value));
    Arbitrary<String> fixed = Arbitraries.of(";lr", ";transport=tcp", ";transport=udp", ";user=phone", ";maddr=239.1.1.1");
    return Arbitraries.oneOf(one, fixed).list().ofMinSize(0).ofMaxSize(3).map(ps -> String.join("", ps));
  }

  @Provide
  Arbitrary<String> uriLike() {
    Arbitrary<String> prefix = Arbitraries.of("", "sip:", "sips:", "tel:", "SIP:", "http:", ":");
    Arbitrary<String> body = Arbitraries.strings()
        .withChars("abcAZ019+-._~!*'()%[]:;@?=&$,/ \"<>\t\r\n#")
        .withCharRange('\u0080', '\u00ff')
        .ofMaxLength(40);
    return Combinators.combine(prefix, body).as(String::concat);
  }

  @Property(tries = 200)
  void aValidUriInANameAddrKeepsItsParts(@ForAll("sipUris") Case c,
      @ForAll("displayNames") String display) {
    String value = (display.isEmpty() ? "" : "\"" + display + "\" ") + "<" + c.text() + ">;tag=t1";

    NameAddr parsed = NameAddr.parse(value);

    assertThat(parsed.uri()).hasToString(c.text());
    assertThat(parsed.param("tag")).isEqualTo("t1");
  }

  @Provide
  Arbitrary<String> displayNames() {
    return Arbitraries.strings().withCharRange('a', 'z').withChars(' ', ',', ';', '<', '>', '@', ':')
        .ofMaxLength(12);
  }
}
