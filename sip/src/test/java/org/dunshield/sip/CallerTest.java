package org.dunshield.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.dunshield.core.event.Presentation;
import org.junit.jupiter.api.Test;

class CallerTest {
  @Test
  void theAssertedIdentityWinsOverFrom() {
    assertThat(Caller.identify("sip:+8613912345678@ims.example;user=phone", List.of(), "sip:100@pbx.example"))
        .isEqualTo(new Caller("+8613912345678", Presentation.ALLOWED));
  }

  @Test
  void aTelUriGivesItsNumberWithoutParameters() {
    assertThat(Caller.identify("tel:+8613912345678;cpc=ordinary", List.of(), "sip:x@y"))
        .isEqualTo(new Caller("+8613912345678", Presentation.ALLOWED));
  }

  @Test
  void fromIsUsedWithoutAnAssertedIdentity() {
    assertThat(Caller.identify(null, List.of(), "sip:13912345678@10.0.0.1:5060"))
        .isEqualTo(new Caller("13912345678", Presentation.ALLOWED));
  }

  @Test
  void privacyIdHidesTheCallerEvenWithAnAssertedIdentity() {
    assertThat(Caller.identify("sip:+8613912345678@ims.example", List.of("id"), "sip:13912345678@x"))
        .isEqualTo(new Caller(null, Presentation.RESTRICTED));
    assertThat(Caller.identify(null, List.of("header;critical"), "sip:13912345678@x").presentation())
        .isEqualTo(Presentation.RESTRICTED);
  }

  @Test
  void privacyNoneKeepsTheCaller() {
    assertThat(Caller.identify(null, List.of("none"), "sip:13912345678@x").number()).isEqualTo("13912345678");
  }

  @Test
  void anAnonymousFromIsHidden() {
    assertThat(Caller.identify(null, List.of(), "sip:anonymous@anonymous.invalid"))
        .isEqualTo(new Caller(null, Presentation.RESTRICTED));
  }

  @Test
  void aFromWithoutUserIsUnknown() {
    assertThat(Caller.identify(null, List.of(), "sip:pbx.example")).isEqualTo(new Caller(null, Presentation.UNKNOWN));
  }

  @Test
  void anEscapedPlusIsDecoded() {
    assertThat(Caller.userPart("sip:%2B8613912345678@x")).isEqualTo("+8613912345678");
    assertThat(Caller.userPart("sip:bad%zz@x")).isEqualTo("bad%zz");
  }

  @Test
  void aPasswordInTheUserInfoIsNotPartOfTheUser() {
    assertThat(Caller.userPart("sip:13912345678:secret@x")).isEqualTo("13912345678");
  }
}
