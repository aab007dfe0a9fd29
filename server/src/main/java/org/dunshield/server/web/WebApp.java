package org.dunshield.server.web;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.dunshield.core.reputation.Reputations;
import org.dunshield.server.Workspaces;
import org.dunshield.server.account.Guard;
import org.dunshield.server.account.LoginThrottle;
import org.dunshield.server.account.Passwords;
import org.dunshield.server.account.Secrets;
import org.dunshield.store.AccountStore;

/**
 * The web application's pages and their routes. {@link #register} declares them; {@link
 * #publicRoute} says which paths need no sign-in. Errors on pages render as pages (400 with the
 * message naming the field, 404 for anything not the account's). Thread-safe.
 */
public final class WebApp {
  /** Paths (exact) that anyone may open: sign-in and sign-up, the stylesheet, health and the API description. */
  private static final List<String> PUBLIC = List.of("/signin", "/signup", "/static/app.css", "/static/upload.js", "/health",
      "/api/v1/openapi.yaml", "/favicon.ico");
  /** Path prefixes with their own authentication (the community reputation's reporter tokens). */
  private static final List<String> PUBLIC_PREFIXES = List.of("/api/num/", "/api/rate", "/api/v1/reputation");

  private final Web web;
  private final AccountStore accounts;
  private final Reputations reputations;
  private final Secrets secrets;
  private final byte[] css;
  private final byte[] uploadScript;

  /**
   * @param accounts the account store, or {@code null} for single-user mode
   * @param reputations the community reputation for the reputation page, or {@code null} (page says it is off)
   */
  public WebApp(Workspaces workspaces, Guard guard, AccountStore accounts, Reputations reputations, Clock clock,
      boolean signUp, long uploadLimit, SecureRandom random) {
    this.web = new Web(workspaces, guard, clock, signUp, uploadLimit);
    this.accounts = accounts;
    this.reputations = reputations;
    this.secrets = new Secrets(random);
    this.css = resource("static/app.css");
    this.uploadScript = resource("static/upload.js");
  }

  /** Whether {@code path} may be opened without signing in. */
  public static boolean publicRoute(String path) {
    if (PUBLIC.contains(path)) {
      return true;
    }
    for (String prefix : PUBLIC_PREFIXES) {
      if (path.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  public void register(JavalinDefaultRoutingApi routes) {
    DashboardPage dashboard = new DashboardPage(web);
    HistoryPage history = new HistoryPage(web);
    RulesPage rules = new RulesPage(web);
    ImportPage imports = new ImportPage(web);
    ReputationPage reputation = new ReputationPage(web, reputations);
    CasesPage cases = new CasesPage(web);
    LoansPage loans = new LoansPage(web);
    routes.get("/static/app.css", ctx -> ctx.contentType("text/css; charset=utf-8")
        .header("Cache-Control", "max-age=3600").result(css));
    routes.get("/static/upload.js", ctx -> ctx.contentType("text/javascript; charset=utf-8")
        .header("Cache-Control", "max-age=3600").result(uploadScript));
    routes.get("/", dashboard::show);
    routes.get("/history", history::show);
    routes.post("/history/allow", history::allow);
    routes.post("/history/block", history::block);
    routes.get("/rules", rules::show);
    routes.post("/rules", rules::add);
    routes.post("/rules/{id}", rules::edit);
    routes.post("/rules/{id}/move", rules::move);
    routes.post("/rules/{id}/delete", rules::delete);
    routes.post("/settings", rules::saveSettings);
    routes.get("/imports", imports::show);
    routes.post("/imports", imports::upload);
    routes.get("/reputation", reputation::show);
    routes.post("/reputation", reputation::report);
    routes.get("/cases", cases::list);
    routes.post("/cases", cases::create);
    routes.get("/cases/{id}", cases::show);
    routes.get("/cases/{id}/complaint", cases::complaint);
    routes.get("/loans", loans::list);
    routes.post("/loans", loans::add);
    routes.get("/loans/{id}", loans::show);
    routes.post("/loans/{id}/payments", loans::pay);
    routes.get("/loans/{id}/deferral.pdf", loans::deferral);
    if (accounts != null) {
      AccountPages pages = new AccountPages(web, accounts, new Passwords(new SecureRandom()), secrets,
          new LoginThrottle(web.clock));
      routes.get("/signin", pages::signInForm);
      routes.post("/signin", pages::signIn);
      routes.get("/signup", pages::signUpForm);
      routes.post("/signup", pages::signUp);
      routes.post("/signout", pages::signOut);
      routes.get("/account", pages::show);
      routes.post("/account/tokens", pages::createToken);
      routes.post("/account/tokens/{id}/delete", pages::revokeToken);
      routes.post("/account/password", pages::changePassword);
    }
  }

  /** Whether {@code ctx} is a page request (not the JSON API), so its errors render as pages. */
  public static boolean page(Context ctx) {
    return !ctx.path().startsWith("/api/") && !ctx.path().equals("/health");
  }

  /** Renders an error page: 404 for {@link NotFound}, else {@code status} with the message. */
  public void error(Context ctx, int status, String message) {
    web.render(ctx, status, "error", "", Map.of("status", status,
        "message", message == null ? "" : message));
  }

  /** Whether {@code e} means "not yours or not there". */
  public static boolean notFound(Exception e) {
    return e instanceof NotFound;
  }

  private static byte[] resource(String name) {
    try (InputStream in = WebApp.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
