package org.dunshield.server;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.config.SizeUnit;
import io.javalin.router.ParsedEndpoint;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.dunshield.core.reputation.Reputations;
import org.dunshield.server.account.Guard;
import org.dunshield.server.account.Secrets;
import org.dunshield.server.web.WebApp;
import org.dunshield.store.AccountStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.dunshield.core.loan.LoanDesk;
import org.dunshield.core.screen.LiveScreening;
import org.dunshield.server.evidence.EvidenceApi;
import org.dunshield.server.loan.LoanApi;
import org.dunshield.server.reputation.ReputationApi;

/**
 * The HTTP server. Create with {@link #start(Config)}; stop with {@link #close()}. Bad requests
 * (malformed JSON, a missing or malformed field) answer 400 with {@code {"error": "..."}} naming the
 * field. Thread-safe.
 */
public final class DunshieldServer implements AutoCloseable {
  /**
   * What the server needs: where to listen, the screening service it exposes, the loan desk
   * ({@code null}: no {@code /api/v1/loans} routes) and the reputation API ({@code null}: no
   * {@code /api/v1/reputation} and PhoneBlock-compatible routes) and the evidence API ({@code null}:
   * no {@code /api/v1/cases} and {@code /api/v1/evidence} routes).
   */
  public record Config(String host, int port, LiveScreening screening, HistoryView history,
      LoanDesk loans, ReputationApi reputation, EvidenceApi evidence, WebOptions web) {
    /** A server without the web application (the minimal page; everything belongs to the local owner). */
    public Config(String host, int port, LiveScreening screening, HistoryView history, LoanDesk loans,
        ReputationApi reputation, EvidenceApi evidence) {
      this(host, port, screening, history, loans, reputation, evidence, null);
    }

    /** A server without the loan desk. */
    public Config(String host, int port, LiveScreening screening, HistoryView history) {
      this(host, port, screening, history, null, null, null);
    }

    /** A server without the reputation API. */
    public Config(String host, int port, LiveScreening screening, HistoryView history, LoanDesk loans) {
      this(host, port, screening, history, loans, null);
    }

    /** A server without the evidence API. */
    public Config(String host, int port, LiveScreening screening, HistoryView history, LoanDesk loans,
        ReputationApi reputation) {
      this(host, port, screening, history, loans, reputation, null);
    }

    public Config {
      Objects.requireNonNull(host, "host");
      Objects.requireNonNull(screening, "screening");
      Objects.requireNonNull(history, "history");
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
      }
    }
  }

  /**
   * The web application and accounts. With it, every page and every {@code /api/v1} route works on
   * the workspace of the request's principal (see {@link Guard}), and the loan and evidence routes
   * are per account; without it ({@code null} in {@link Config}) the server is the single-user API
   * with the minimal page.
   *
   * @param accounts the account store, or {@code null} for single-user mode (no sign-in; only
   *     allowed on a loopback address)
   * @param signUp whether anyone may create an account
   * @param secureCookies whether cookies are marked {@code Secure} (served over HTTPS)
   * @param uploadLimit the largest import upload, in bytes
   * @param screeningPermits how many screening requests may run at once; more are refused with 503
   *     (and {@code Retry-After}) instead of queueing without bound
   * @param reputations the community reputation for the reputation page, or {@code null}
   */
  public record WebOptions(Workspaces workspaces, AccountStore accounts, boolean signUp, boolean secureCookies,
      long uploadLimit, int screeningPermits, Clock clock, Reputations reputations) {
    public WebOptions {
      Objects.requireNonNull(workspaces, "workspaces");
      Objects.requireNonNull(clock, "clock");
      if (uploadLimit < 1024) {
        throw new IllegalArgumentException("upload limit must be at least 1 KiB, got " + uploadLimit);
      }
      if (screeningPermits < 1) {
        throw new IllegalArgumentException("screening permits must be positive, got " + screeningPermits);
      }
    }
  }

  private final Javalin app;

  private DunshieldServer(Javalin app) {
    this.app = app;
  }

  /**
   * Starts listening; port 0 picks a free port (see {@link #port()}).
   *
   * @throws IllegalArgumentException when the web application runs without accounts on an address
   *     other than loopback (anyone who reaches it would see and change everything)
   */
  public static DunshieldServer start(Config config) {
    WebOptions web = config.web();
    if (web != null && web.accounts() == null && !loopback(config.host())) {
      throw new IllegalArgumentException("refusing to listen on " + config.host() + " without accounts: "
          + "single-user mode has no sign-in, so it only listens on 127.0.0.1 or ::1 (enable accounts to serve others)");
    }
    SecureRandom random = new SecureRandom();
    Guard guard = web == null ? null : new Guard(web.accounts(), web.clock(), new Secrets(random), web.secureCookies());
    Function<Context, LiveScreening> screening = web == null ? ctx -> config.screening()
        : ctx -> web.workspaces().of(Guard.principal(ctx).owner()).screening();
    Admission admission = new Admission(web == null ? 256 : web.screeningPermits());
    ScreenApi api = new ScreenApi(screening, admission);
    ScreeningHandler fastPath = new ScreeningHandler(guard,
        web == null ? owner -> config.screening() : owner -> web.workspaces().of(owner).screening(), admission);
    WebApp pages = web == null ? null : new WebApp(web.workspaces(), guard, web.accounts(), web.reputations(),
        web.clock(), web.signUp(), web.uploadLimit(), random);
    Javalin app = Javalin.create(c -> {
      c.startup.showJavalinBanner = false;
      c.startup.showOldJavalinVersionWarning = false;
      c.jetty.host = config.host();
      c.jetty.port = config.port();
      c.jetty.modifyServer(server -> server.setHandler(fastPath)); // Javalin's servlet context goes inside it
      if (web != null) {
        c.jetty.multipartConfig.maxFileSize(web.uploadLimit(), SizeUnit.BYTES);
        c.jetty.multipartConfig.maxTotalRequestSize(web.uploadLimit() + 64 * 1024, SizeUnit.BYTES);
        c.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
        c.routes.before(ctx -> {
          if (!guard.check(ctx, WebApp.publicRoute(ctx.path()))) {
            ctx.skipRemainingHandlers();
          }
        });
      }
      c.routes.get("/health", ctx -> json(ctx, 200, Map.of("status", "ok")));
      c.routes.post(ScreenApi.Route.CALL.path, api::call);
      c.routes.post(ScreenApi.Route.SMS.path, api::sms);
      if (web == null) {
        c.routes.get("/", ctx -> ctx.html(HomePage.render(config.history().recent(50), language(ctx))));
        if (config.loans() != null) {
          new LoanApi(config.loans()).register(c.routes);
        }
        if (config.evidence() != null) {
          config.evidence().register(c.routes);
        }
      } else {
        pages.register(c.routes);
        new LoanApi(ctx -> web.workspaces().of(Guard.principal(ctx).owner()).loans()).register(c.routes);
        new EvidenceApi(ctx -> web.workspaces().of(Guard.principal(ctx).owner()).cases()).register(c.routes);
        new HistoryApi(ctx -> web.workspaces().of(Guard.principal(ctx).owner())).register(c.routes);
        c.routes.get(OpenApi.PATH, OpenApi::serve);
      }
      if (config.reputation() != null) {
        config.reputation().register(c.routes);
      }
      c.routes.exception(BadRequest.class, (e, ctx) -> fail(ctx, pages, 400, e.getMessage()));
      c.routes.exception(IllegalArgumentException.class, (e, ctx) -> fail(ctx, pages, 400, e.getMessage()));
      c.routes.exception(Exception.class, (e, ctx) -> {
        if (WebApp.notFound(e)) {
          fail(ctx, pages, 404, "not found");
        } else {
          System.err.println("dunshield: internal error on " + ctx.method().name() + " " + ctx.path() + ": " + e);
          e.printStackTrace();
          fail(ctx, pages, 500, "internal error: " + e.getClass().getSimpleName());
        }
      });
    });
    app.start();
    return new DunshieldServer(app);
  }

  private static void fail(Context ctx, WebApp pages, int status, String message) {
    if (pages != null && WebApp.page(ctx)) {
      pages.error(ctx, status, message);
    } else {
      json(ctx, status, Json.error(message));
    }
  }

  static boolean loopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }

  /** Every registered route as {@code "METHOD /path"}, in registration order (for tests and the API description). */
  public List<String> routes() {
    List<String> routes = new ArrayList<>();
    for (ParsedEndpoint e : app.unsafe.internalRouter.allHttpHandlers()) {
      if (e.endpoint.method.isHttpMethod()) {
        routes.add(e.endpoint.method.name() + " " + e.endpoint.path);
      }
    }
    return routes;
  }

  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
  }

  static void json(Context ctx, int status, Object body) {
    ctx.status(status).contentType("application/json; charset=utf-8").result(Json.compact(body));
  }

  static String language(Context ctx) {
    return language(ctx.queryParam("lang"), ctx.header("Accept-Language"));
  }

  /** The answer's language: {@code ?lang=} when given, else Chinese for an {@code Accept-Language} starting with zh. */
  static String language(String lang, String acceptLanguage) {
    if (lang != null) {
      return lang;
    }
    return acceptLanguage != null && acceptLanguage.toLowerCase(java.util.Locale.ROOT).startsWith("zh") ? "zh" : "en";
  }

  /** A client error whose message names the field. */
  static final class BadRequest extends RuntimeException {
    BadRequest(String message) {
      super(message);
    }
  }

  static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }
}
