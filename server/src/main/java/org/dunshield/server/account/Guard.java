package org.dunshield.server.account;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.dunshield.store.AccountStore;
import org.dunshield.store.Database;

/**
 * Runs before every request: finds the {@link Principal} (single local user, session cookie or
 * personal API token), refuses requests that need one and have none (401 JSON for the API, a
 * redirect to the sign-in page for pages), and refuses state-changing browser requests without the
 * right CSRF token (403). Forms carry the token in a hidden {@code _csrf} field (or the query, for
 * uploads); scripts send {@code X-CSRF-Token}. Requests authenticated by API token need no CSRF
 * token: browsers never send one on their own. In single-user mode the API stays open to local
 * programs, but a browser request from another origin ({@code Origin} naming another host) is
 * refused. Thread-safe.
 */
public final class Guard {
  public static final String SESSION_COOKIE = "ds_session";
  public static final String CSRF_COOKIE = "ds_csrf";
  public static final String CSRF_FIELD = "_csrf";
  public static final String CSRF_HEADER = "X-CSRF-Token";
  public static final Duration SESSION_LIFETIME = Duration.ofHours(12);
  private static final String ATTRIBUTE = "dunshield.principal";
  private static final Duration TOKEN_CACHE = Duration.ofSeconds(10);

  private final AccountStore accounts;
  private final Clock clock;
  private final Secrets secrets;
  private final boolean secureCookies;
  private final Map<String, CachedToken> tokens = new ConcurrentHashMap<>();

  private record CachedToken(long owner, Instant until) {}

  /**
   * @param accounts the account store, or {@code null} for single-user mode (everything belongs to
   *     {@link Database#LOCAL_OWNER}, no sign-in)
   * @param secureCookies mark cookies {@code Secure} (the server is reached over HTTPS)
   */
  public Guard(AccountStore accounts, Clock clock, Secrets secrets, boolean secureCookies) {
    this.accounts = accounts;
    this.clock = clock;
    this.secrets = secrets;
    this.secureCookies = secureCookies;
  }

  public boolean accountsEnabled() {
    return accounts != null;
  }

  /** The principal of a request that passed {@link #check}; throws when there is none. */
  public static Principal principal(Context ctx) {
    Principal p = ctx.attribute(ATTRIBUTE);
    if (p == null) {
      throw new IllegalStateException("no principal on " + ctx.path());
    }
    return p;
  }

  /** The principal, or {@code null} on public pages visited while signed out. */
  public static Principal principalOrNull(Context ctx) {
    return ctx.attribute(ATTRIBUTE);
  }

  /**
   * Identifies the request and enforces sign-in and CSRF. Returns false when it has answered
   * (redirect, 401 or 403) and the handler must not run.
   */
  public boolean check(Context ctx, boolean publicRoute) {
    String path = ctx.path();
    boolean api = path.startsWith("/api/");
    boolean safe = "GET".equals(ctx.method().name()) || "HEAD".equals(ctx.method().name());
    Principal principal = identify(ctx, api);
    if (principal != null) {
      ctx.attribute(ATTRIBUTE, principal);
    }
    if (principal == null && !publicRoute) {
      if (api) {
        ctx.status(401).header("WWW-Authenticate", "Bearer realm=\"dunshield\"")
            .contentType("application/json; charset=utf-8")
            .result("{\"error\":\"sign in or send Authorization: Bearer <personal API token>\"}");
      } else if (safe) {
        ctx.redirect("/signin?next=" + java.net.URLEncoder.encode(path, java.nio.charset.StandardCharsets.UTF_8));
      } else {
        ctx.status(401).result("sign in first");
      }
      return false;
    }
    if (safe) {
      return true;
    }
    Principal.Via via = principal == null ? null : principal.via();
    if (via == Principal.Via.TOKEN) {
      return true;
    }
    if (api && (via == null || via == Principal.Via.LOCAL) && ctx.header(CSRF_HEADER) == null) {
      // programs on this machine (or public API routes with their own tokens): refuse only cross-site browsers
      if (crossOrigin(ctx)) {
        return refuse(ctx, api, "cross-origin request refused");
      }
      return true;
    }
    String expected = principal != null ? principal.csrf() : anonymousCsrf(ctx);
    if (!Secrets.same(expected, submittedCsrf(ctx, api))) {
      return refuse(ctx, api, "missing or wrong CSRF token; reload the page and try again");
    }
    return true;
  }

  private static boolean refuse(Context ctx, boolean api, String message) {
    if (api) {
      ctx.status(403).contentType("application/json; charset=utf-8")
          .result("{\"error\":\"" + message + "\"}");
    } else {
      ctx.status(403).contentType("text/plain; charset=utf-8").result(message);
    }
    return false;
  }

  private static boolean crossOrigin(Context ctx) {
    return crossOrigin(ctx.header("Origin"), ctx.header("Host"));
  }

  private static boolean crossOrigin(String origin, String host) {
    if (origin == null || origin.isEmpty()) {
      return false;
    }
    return host == null || !(origin.equals("http://" + host) || origin.equals("https://" + host));
  }

  /**
   * The principal of a state-changing API request that {@link #check} would let through without a
   * session or a CSRF token, from its headers alone: a valid personal API token (with accounts), or
   * a same-site request without {@code X-CSRF-Token} (single-user mode). {@code null} for every
   * other request, which then goes through {@link #check} (sessions, CSRF tokens, refusals), so the
   * answer is never more permissive than {@code check}'s. For the screening fast path.
   */
  public Principal apiPrincipal(String authorization, String csrfHeader, String origin, String host) {
    if (bearer(authorization)) {
      return tokenPrincipal(authorization);
    }
    if (accounts == null && csrfHeader == null && !crossOrigin(origin, host)) {
      return new Principal(Database.LOCAL_OWNER, null, Principal.Via.LOCAL, null, null);
    }
    return null;
  }

  private static String submittedCsrf(Context ctx, boolean api) {
    String header = ctx.header(CSRF_HEADER);
    if (header != null || api) {
      return header;
    }
    String query = ctx.queryParam(CSRF_FIELD);
    if (query != null) {
      return query;
    }
    String type = ctx.contentType();
    if (type != null && type.startsWith("application/x-www-form-urlencoded")) {
      return ctx.formParam(CSRF_FIELD);
    }
    return null;
  }

  private Principal identify(Context ctx, boolean api) {
    String authorization = ctx.header("Authorization");
    if (api && bearer(authorization)) {
      return tokenPrincipal(authorization);
    }
    if (accounts == null) {
      return new Principal(Database.LOCAL_OWNER, null, Principal.Via.LOCAL, anonymousCsrf(ctx), null);
    }
    String cookie = ctx.cookie(SESSION_COOKIE);
    if (cookie == null || cookie.length() > 100) {
      return null;
    }
    String hash = Secrets.digest(cookie);
    return accounts.session(hash, clock.instant()).map(s -> new Principal(s.account(),
        accounts.byId(s.account()).map(AccountStore.Account::username).orElse("?"), Principal.Via.SESSION, s.csrf(), hash))
        .orElse(null);
  }

  private static boolean bearer(String authorization) {
    return authorization != null && authorization.startsWith("Bearer " + Secrets.TOKEN_PREFIX);
  }

  /** The principal of a personal API token header, or {@code null} (unknown token, or no accounts). */
  private Principal tokenPrincipal(String authorization) {
    if (accounts == null) {
      return null;
    }
    OptionalLong owner = tokenOwner(Secrets.digest(authorization.substring("Bearer ".length()).trim()));
    return owner.isPresent() ? new Principal(owner.getAsLong(), null, Principal.Via.TOKEN, null, null) : null;
  }

  private OptionalLong tokenOwner(String hash) {
    Instant now = clock.instant();
    CachedToken cached = tokens.get(hash);
    if (cached != null && cached.until().isAfter(now)) {
      return OptionalLong.of(cached.owner());
    }
    OptionalLong owner = accounts.tokenOwner(hash);
    if (owner.isPresent()) {
      if (tokens.size() > 10_000) {
        tokens.clear();
      }
      tokens.put(hash, new CachedToken(owner.getAsLong(), now.plus(TOKEN_CACHE)));
      accounts.touchToken(hash, now);
    } else {
      tokens.remove(hash);
    }
    return owner;
  }

  /** Forgets cached token owners (after a token is revoked). */
  public void forgetTokens() {
    tokens.clear();
  }

  /**
   * The double-submit CSRF token of a browser without a session (sign-in and sign-up forms, and
   * every form in single-user mode): a random cookie, set on first sight, that other sites can
   * neither read nor send (SameSite=Strict).
   */
  public String anonymousCsrf(Context ctx) {
    String token = ctx.attribute(CSRF_COOKIE);
    if (token != null) {
      return token;
    }
    token = ctx.cookie(CSRF_COOKIE);
    if (token == null || token.length() != 43) {
      token = secrets.next();
      ctx.cookie(cookie(CSRF_COOKIE, token, -1));
    }
    ctx.attribute(CSRF_COOKIE, token);
    return token;
  }

  /** Starts a session for {@code account}: stores its digest and sets the cookie. */
  public void signIn(Context ctx, long account) {
    String token = secrets.next();
    Instant now = clock.instant();
    accounts.addSession(new AccountStore.Session(Secrets.digest(token), account, secrets.next(), now,
        now.plus(SESSION_LIFETIME)));
    ctx.cookie(cookie(SESSION_COOKIE, token, (int) SESSION_LIFETIME.toSeconds()));
  }

  /** Ends the request's session, if any, and clears the cookie. */
  public void signOut(Context ctx) {
    Principal p = principalOrNull(ctx);
    if (p != null && p.sessionHash() != null) {
      accounts.removeSession(p.sessionHash());
    }
    ctx.cookie(cookie(SESSION_COOKIE, "", 0));
  }

  private Cookie cookie(String name, String value, int maxAge) {
    return new Cookie(name, value, "/", maxAge, secureCookies, true, null, SameSite.STRICT);
  }
}
