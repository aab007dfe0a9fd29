package org.dunshield.server.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.dunshield.server.account.Guard;
import org.dunshield.server.account.LoginThrottle;
import org.dunshield.server.account.Passwords;
import org.dunshield.server.account.Principal;
import org.dunshield.server.account.Secrets;
import org.dunshield.store.AccountStore;

/**
 * Sign-up (when the operator allows it), sign-in (throttled; the same answer and about the same
 * time whether the user name exists or not), sign-out, and the account page: change the password
 * (ends every other session), personal API tokens (shown once, stored as SHA-256), and the audit
 * log of security-relevant actions. Only with accounts enabled.
 */
final class AccountPages {
  private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{2,63}");

  private final Web web;
  private final AccountStore accounts;
  private final Passwords passwords;
  private final Secrets secrets;
  private final LoginThrottle throttle;

  AccountPages(Web web, AccountStore accounts, Passwords passwords, Secrets secrets, LoginThrottle throttle) {
    this.web = web;
    this.accounts = accounts;
    this.passwords = passwords;
    this.secrets = secrets;
    this.throttle = throttle;
  }

  void signInForm(Context ctx) {
    form(ctx, 200, "signin", null);
  }

  void signUpForm(Context ctx) {
    if (!web.signUp) {
      form(ctx, 403, "signin", web.message(ctx, "signup.closed"));
      return;
    }
    form(ctx, 200, "signup", null);
  }

  private void form(Context ctx, int status, String template, String error) {
    Map<String, Object> model = new HashMap<>();
    model.put("error", error);
    model.put("next", Web.localPath(ctx.queryParam("next"), "/"));
    model.put("typedUser", ctx.formParam("username") == null ? "" : ctx.formParam("username"));
    model.put("minLength", Passwords.MIN_LENGTH);
    web.render(ctx, status, template, template, model);
  }

  void signUp(Context ctx) {
    if (!web.signUp) {
      form(ctx, 403, "signin", web.message(ctx, "signup.closed"));
      return;
    }
    String username = nonNull(ctx.formParam("username")).strip();
    String password = nonNull(ctx.formParam("password"));
    if (!USERNAME.matcher(username).matches()) {
      form(ctx, 400, "signup", web.message(ctx, "signup.bad_username"));
      return;
    }
    if (password.length() < Passwords.MIN_LENGTH || password.length() > Passwords.MAX_LENGTH) {
      form(ctx, 400, "signup", web.message(ctx, "signup.bad_password", Passwords.MIN_LENGTH));
      return;
    }
    if (!password.equals(ctx.formParam("password2"))) {
      form(ctx, 400, "signup", web.message(ctx, "signup.mismatch"));
      return;
    }
    Optional<AccountStore.Account> created = accounts.create(username, passwords.hash(password), web.clock.instant());
    if (created.isEmpty()) {
      form(ctx, 409, "signup", web.message(ctx, "signup.taken"));
      return;
    }
    long id = created.get().id();
    accounts.audit(id, web.clock.instant(), "sign_up", "account created", ctx.ip());
    web.guard.signIn(ctx, id);
    accounts.audit(id, web.clock.instant(), "sign_in", "after sign-up", ctx.ip());
    Web.done(ctx, "/", "welcome", username);
  }

  void signIn(Context ctx) {
    String username = nonNull(ctx.formParam("username")).strip();
    String password = nonNull(ctx.formParam("password"));
    if (username.length() > 64 || password.length() > Passwords.MAX_LENGTH) {
      form(ctx, 400, "signin", web.message(ctx, "signin.failed"));
      return;
    }
    Duration wait = throttle.wait(username, ctx.ip());
    if (!wait.isZero()) {
      accounts.audit(null, web.clock.instant(), "sign_in_throttled", "user '" + username + "'", ctx.ip());
      ctx.header("Retry-After", Long.toString(Math.max(1, wait.toSeconds())));
      form(ctx, 429, "signin", web.message(ctx, "signin.throttled", Math.max(1, wait.toMinutes() + 1)));
      return;
    }
    Optional<AccountStore.Account> account = accounts.find(username);
    boolean ok = passwords.verify(password, account.map(AccountStore.Account::passwordHash).orElse(passwords.dummyHash()))
        && account.isPresent() && !account.get().disabled();
    if (!ok) {
      throttle.failed(username, ctx.ip());
      accounts.audit(account.map(AccountStore.Account::id).orElse(null), web.clock.instant(), "sign_in_failed",
          "user '" + username + "'", ctx.ip());
      form(ctx, 401, "signin", web.message(ctx, "signin.failed"));
      return;
    }
    throttle.succeeded(username);
    web.guard.signIn(ctx, account.get().id());
    accounts.audit(account.get().id(), web.clock.instant(), "sign_in", "password", ctx.ip());
    ctx.redirect(Web.localPath(ctx.formParam("next"), "/"), HttpStatus.SEE_OTHER);
  }

  void signOut(Context ctx) {
    Principal p = Guard.principalOrNull(ctx);
    if (p != null) {
      accounts.audit(p.owner(), web.clock.instant(), "sign_out", "", ctx.ip());
    }
    web.guard.signOut(ctx);
    Web.done(ctx, "/signin", "signed_out", null);
  }

  void show(Context ctx) {
    show(ctx, 200, null, null);
  }

  private void show(Context ctx, int status, String error, String newToken) {
    Principal p = Guard.principal(ctx);
    ZoneId zone = web.zone(ctx);
    Map<String, Object> model = new HashMap<>();
    model.put("tokens", accounts.tokens(p.owner()).stream().map(t -> Map.of(
        "id", t.id(), "name", t.name(), "created", Web.MINUTE.format(t.createdAt().atZone(zone)),
        "used", t.lastUsedAt() == null ? "-" : Web.MINUTE.format(t.lastUsedAt().atZone(zone)))).toList());
    model.put("audit", accounts.audit(p.owner(), 50).stream().map(a -> Map.of(
        "at", Web.SECOND.format(a.at().atZone(zone)), "action", a.action(), "detail", a.detail(),
        "address", a.address() == null ? "" : a.address())).toList());
    model.put("error", error);
    model.put("newToken", newToken);
    web.render(ctx, status, "account", "account", model);
  }

  void createToken(Context ctx) {
    Principal p = Guard.principal(ctx);
    String name = nonNull(ctx.formParam("name")).strip();
    if (name.isEmpty() || name.length() > 60) {
      show(ctx, 400, web.message(ctx, "account.token.bad_name"), null);
      return;
    }
    String token = Secrets.TOKEN_PREFIX + secrets.next();
    AccountStore.ApiToken stored = accounts.addToken(p.owner(), name, Secrets.digest(token), web.clock.instant());
    accounts.audit(p.owner(), web.clock.instant(), "token_created", "#" + stored.id() + " " + name, ctx.ip());
    show(ctx, 201, null, token);
  }

  void revokeToken(Context ctx) {
    Principal p = Guard.principal(ctx);
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw new NotFound();
    }
    if (!accounts.revokeToken(p.owner(), id)) {
      throw new NotFound();
    }
    web.guard.forgetTokens();
    accounts.audit(p.owner(), web.clock.instant(), "token_revoked", "#" + id, ctx.ip());
    Web.done(ctx, "/account", "token_revoked", "#" + id);
  }

  void changePassword(Context ctx) {
    Principal p = Guard.principal(ctx);
    AccountStore.Account account = accounts.byId(p.owner()).orElseThrow(NotFound::new);
    String current = nonNull(ctx.formParam("current"));
    String password = nonNull(ctx.formParam("password"));
    if (!passwords.verify(current, account.passwordHash())) {
      accounts.audit(p.owner(), web.clock.instant(), "password_change_failed", "wrong current password", ctx.ip());
      show(ctx, 400, web.message(ctx, "account.password.wrong"), null);
      return;
    }
    if (password.length() < Passwords.MIN_LENGTH || password.length() > Passwords.MAX_LENGTH) {
      show(ctx, 400, web.message(ctx, "signup.bad_password", Passwords.MIN_LENGTH), null);
      return;
    }
    accounts.setPassword(p.owner(), passwords.hash(password));
    accounts.removeSessions(p.owner());
    web.guard.signIn(ctx, p.owner());
    accounts.audit(p.owner(), web.clock.instant(), "password_changed", "other sessions ended", ctx.ip());
    Web.done(ctx, "/account", "password_changed", null);
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }
}
