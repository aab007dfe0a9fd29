package org.dunshield.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dunshield.server.account.LoginThrottle;
import org.dunshield.store.AccountStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sign-up, sign-in, sign-out, throttling, sessions, CSRF on the API, personal tokens and the audit log. */
class AccountsTest {
  static final String PASSWORD = "correct horse battery";

  @TempDir Path dir;
  private WebFixture web;

  @BeforeEach
  void start() {
    web = WebFixture.accounts(dir, true);
  }

  @AfterEach
  void stop() {
    web.close();
  }

  /** A new account, signed in. */
  static HttpSession signUp(WebFixture web, String name) {
    HttpSession s = new HttpSession(web.base());
    assertThat(s.get("/signup").statusCode()).isEqualTo(200);
    HttpResponse<String> r = s.post("/signup", "username", name, "password", PASSWORD, "password2", PASSWORD);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
    s.get("/");
    return s;
  }

  @Test
  void signUpSignInAndSignOut() {
    HttpSession ada = signUp(web, "ada");
    HttpResponse<String> home = ada.get("/");
    assertThat(home.statusCode()).isEqualTo(200);
    assertThat(home.body()).contains("Account (ada)");
    assertThat(web.db.accounts().find("ada").orElseThrow().passwordHash()).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    assertThat(ada.post("/signout").statusCode()).isEqualTo(303);
    HttpResponse<String> after = ada.get("/history");
    assertThat(after.statusCode()).isEqualTo(302);
    assertThat(after.headers().firstValue("Location")).hasValue("/signin?next=%2Fhistory");
    ada.get("/signin");
    HttpResponse<String> in = ada.post("/signin", "username", "ada", "password", PASSWORD, "next", "/history");
    assertThat(in.statusCode()).isEqualTo(303);
    assertThat(in.headers().firstValue("Location")).hasValue("/history");
    assertThat(ada.get("/history").statusCode()).isEqualTo(200);
    assertThat(web.db.accounts().audit(web.db.accounts().find("ada").orElseThrow().id(), 10))
        .extracting(AccountStore.AuditEntry::action).contains("sign_up", "sign_in", "sign_out");
  }

  @Test
  void sessionCookiesAreHttpOnlyAndSameSiteStrict() {
    HttpSession s = new HttpSession(web.base());
    s.get("/signup");
    HttpResponse<String> r = s.post("/signup", "username", "ada", "password", PASSWORD, "password2", PASSWORD);
    String cookie = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("ds_session=")).findFirst()
        .orElseThrow();
    assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Strict").doesNotContain("Secure");
  }

  @Test
  void signedOutVisitorsAreSentToSignInAndTheApiAnswers401() {
    HttpSession s = new HttpSession(web.base());
    assertThat(s.get("/").statusCode()).isEqualTo(302);
    assertThat(s.get("/api/v1/rules").statusCode()).isEqualTo(401);
    assertThat(s.json("POST", "/api/v1/screen/call", "{\"number\":\"17012345678\"}").statusCode()).isEqualTo(401);
    assertThat(s.get("/health").statusCode()).isEqualTo(200);
    assertThat(s.get("/signin").statusCode()).isEqualTo(200);
  }

  @Test
  void repeatedWrongPasswordsAreThrottledEvenForTheRightOne() {
    signUp(web, "ada");
    HttpSession mallory = new HttpSession(web.base());
    mallory.get("/signin");
    for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
      assertThat(mallory.post("/signin", "username", "ada", "password", "guess" + i).statusCode()).isEqualTo(401);
    }
    HttpResponse<String> r = mallory.post("/signin", "username", "ada", "password", PASSWORD);
    assertThat(r.statusCode()).isEqualTo(429);
    assertThat(r.headers().firstValue("Retry-After")).isPresent();
    assertThat(r.body()).contains("Too many failed attempts");
    long ada = web.db.accounts().find("ada").orElseThrow().id();
    assertThat(web.db.accounts().audit(ada, 20)).extracting(AccountStore.AuditEntry::action).contains("sign_in_failed");
  }

  @Test
  void unknownUserAndWrongPasswordGetTheSameAnswer() {
    signUp(web, "ada");
    HttpSession s = new HttpSession(web.base());
    s.get("/signin");
    String unknown = s.post("/signin", "username", "nobody", "password", PASSWORD).body();
    String wrong = s.post("/signin", "username", "ada", "password", "wrong password!").body();
    assertThat(unknown).contains("Wrong user name or password.");
    assertThat(wrong).contains("Wrong user name or password.");
  }

  @Test
  void signUpCanBeClosedByTheOperator() {
    web.close();
    web = WebFixture.accounts(dir.resolve("closed"), false);
    HttpSession s = new HttpSession(web.base());
    assertThat(s.get("/signup").statusCode()).isEqualTo(403);
    s.get("/signin");
    assertThat(s.post("/signup", "username", "eve", "password", PASSWORD, "password2", PASSWORD).statusCode())
        .isEqualTo(403);
    assertThat(web.db.accounts().count()).isZero();
  }

  @Test
  void theApiWithASessionCookieNeedsTheCsrfHeaderForWrites() {
    HttpSession ada = signUp(web, "ada");
    assertThat(ada.json("POST", "/api/v1/rules", "{\"action\":\"block\",\"kind\":\"prefix\",\"pattern\":\"170\"}")
        .statusCode()).isEqualTo(403);
    assertThat(ada.json("POST", "/api/v1/rules", "{\"action\":\"block\",\"kind\":\"prefix\",\"pattern\":\"170\"}",
        "X-CSRF-Token", ada.csrf).statusCode()).isEqualTo(201);
    assertThat(ada.get("/api/v1/rules").body()).contains("+86170");
  }

  @Test
  void aPersonalTokenScreensForItsAccountUntilRevoked() {
    signUp(web, "bob");
    HttpSession ada = signUp(web, "ada");
    ada.get("/account");
    HttpResponse<String> created = ada.post("/account/tokens", "name", "my phone");
    assertThat(created.statusCode()).isEqualTo(201);
    Matcher m = Pattern.compile("id=\"new-token\">(dsk_[A-Za-z0-9_-]+)<").matcher(created.body());
    assertThat(m.find()).isTrue();
    String token = m.group(1);
    long adaId = web.db.accounts().find("ada").orElseThrow().id();
    assertThat(web.db.accounts().tokens(adaId)).singleElement().extracting(AccountStore.ApiToken::name)
        .isEqualTo("my phone");
    HttpSession phone = new HttpSession(web.base());
    HttpResponse<String> screened = phone.json("POST", "/api/v1/screen/sms",
        "{\"sender\":\"10690000\",\"text\":\"hello\"}", "Authorization", "Bearer " + token);
    assertThat(screened.statusCode()).isEqualTo(200);
    assertThat(web.db.forOwner(adaId).history().list(null, null)).hasSize(1);
    long bobId = web.db.accounts().find("bob").orElseThrow().id();
    assertThat(web.db.forOwner(bobId).history().list(null, null)).as("nothing lands in another account's history")
        .isEmpty();
    assertThat(phone.json("POST", "/api/v1/screen/sms", "{\"sender\":\"10690000\",\"text\":\"x\"}",
        "Authorization", "Bearer dsk_forged").statusCode()).isEqualTo(401);
    long tokenId = web.db.accounts().tokens(adaId).get(0).id();
    ada.get("/account");
    assertThat(ada.post("/account/tokens/" + tokenId + "/delete").statusCode()).isEqualTo(303);
    assertThat(phone.json("POST", "/api/v1/screen/sms", "{\"sender\":\"10690000\",\"text\":\"again\"}",
        "Authorization", "Bearer " + token).statusCode()).isEqualTo(401);
    assertThat(web.db.accounts().audit(adaId, 20)).extracting(AccountStore.AuditEntry::action)
        .contains("token_created", "token_revoked");
    assertThat(created.body()).as("the secret is stored only as a digest").doesNotContain("password_hash");
    assertThat(web.db.accounts().tokenOwner(token)).isEmpty();
  }

  @Test
  void changingThePasswordEndsOtherSessions() {
    HttpSession ada = signUp(web, "ada");
    HttpSession other = new HttpSession(web.base());
    other.get("/signin");
    other.post("/signin", "username", "ada", "password", PASSWORD);
    assertThat(other.get("/").statusCode()).isEqualTo(200);
    ada.get("/account");
    assertThat(ada.post("/account/password", "current", PASSWORD, "password", "another long password").statusCode())
        .isEqualTo(303);
    assertThat(ada.get("/").statusCode()).isEqualTo(200);
    assertThat(other.get("/").statusCode()).isEqualTo(302);
  }
}
