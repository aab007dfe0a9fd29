package org.dunshield.server.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.dunshield.server.Workspace;
import org.dunshield.server.Workspaces;
import org.dunshield.server.account.Guard;
import org.dunshield.server.account.Principal;

/**
 * What every page handler shares: the request's language (a {@code ?lang=} switch remembered in a
 * cookie, else the browser's {@code Accept-Language}), the principal's workspace, rendering with
 * the common model, and redirects after a form with a flash message chosen from a fixed list.
 * Thread-safe.
 */
final class Web {
  static final String LANG_COOKIE = "ds_lang";
  static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  /** Flash messages a redirect may name; anything else in {@code ?msg=} is ignored. */
  private static final Set<String> FLASH = Set.of("allowed", "blocked", "rule_added", "rule_removed", "rule_changed",
      "settings_saved", "reported", "case_created", "loan_added", "payment_recorded", "token_revoked",
      "password_changed", "signed_out", "welcome");

  final Templates templates = new Templates();
  final Workspaces workspaces;
  final Guard guard;
  final Clock clock;
  final boolean signUp;
  final long uploadLimit;

  Web(Workspaces workspaces, Guard guard, Clock clock, boolean signUp, long uploadLimit) {
    this.workspaces = workspaces;
    this.guard = guard;
    this.clock = clock;
    this.signUp = signUp;
    this.uploadLimit = uploadLimit;
  }

  private final java.util.concurrent.ConcurrentHashMap<Long, java.util.concurrent.atomic.AtomicLong> versions =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** Notes that an account's past history changed (an import), so cached summaries are recomputed. */
  void changed(long owner) {
    versions.computeIfAbsent(owner, o -> new java.util.concurrent.atomic.AtomicLong()).incrementAndGet();
  }

  long version(long owner) {
    java.util.concurrent.atomic.AtomicLong v = versions.get(owner);
    return v == null ? 0 : v.get();
  }

  Workspace workspace(Context ctx) {
    return workspaces.of(Guard.principal(ctx).owner());
  }

  ZoneId zone(Context ctx) {
    return workspace(ctx).repositories().settings().load().timezone();
  }

  static Locale locale(Context ctx) {
    String chosen = ctx.queryParam("lang");
    if (chosen != null && (chosen.equals("zh") || chosen.equals("en"))) {
      ctx.cookie(LANG_COOKIE, chosen, 365 * 86400);
      return chosen.equals("zh") ? Templates.ZH : Templates.EN;
    }
    String cookie = ctx.cookie(LANG_COOKIE);
    if (cookie != null && (cookie.equals("zh") || cookie.equals("en"))) {
      return cookie.equals("zh") ? Templates.ZH : Templates.EN;
    }
    String accept = ctx.header("Accept-Language");
    if (accept != null) {
      for (String part : accept.split(",")) {
        String tag = part.strip().toLowerCase(Locale.ROOT);
        if (tag.startsWith("zh")) {
          return Templates.ZH;
        }
        if (tag.startsWith("en")) {
          return Templates.EN;
        }
      }
    }
    return Templates.ZH;
  }

  static String lang(Context ctx) {
    return locale(ctx) == Templates.ZH ? "zh" : "en";
  }

  String message(Context ctx, String key, Object... args) {
    return Templates.message(locale(ctx), key, args);
  }

  /** Renders {@code template} with {@code model} plus what every page needs. */
  void render(Context ctx, int status, String template, String page, Map<String, Object> model) {
    Locale locale = locale(ctx);
    Map<String, Object> m = new HashMap<>(model);
    Principal p = Guard.principalOrNull(ctx);
    m.put("lang", locale == Templates.ZH ? "zh" : "en");
    m.put("page", page);
    m.put("csrf", p != null && p.csrf() != null ? p.csrf() : guard.anonymousCsrf(ctx));
    m.put("user", p == null ? null : p.username());
    m.put("signedIn", p != null);
    m.put("accounts", guard.accountsEnabled());
    m.put("signUp", signUp);
    m.put("path", ctx.path());
    String flash = ctx.queryParam("msg");
    if (flash != null && FLASH.contains(flash)) {
      String arg = ctx.queryParam("arg");
      m.put("flash", Templates.message(locale, "flash." + flash, arg == null ? "" : arg));
    }
    ctx.status(status).header("Cache-Control", "no-store")
        .header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; form-action 'self'; frame-ancestors 'none'")
        .header("X-Content-Type-Options", "nosniff")
        .header("Referrer-Policy", "same-origin")
        .html(templates.render(template, locale, m));
  }

  void render(Context ctx, String template, String page, Map<String, Object> model) {
    render(ctx, 200, template, page, model);
  }

  /** After a successful form: back to {@code path} with a flash message. */
  static void done(Context ctx, String path, String flash, String arg) {
    String sep = path.contains("?") ? "&" : "?";
    String target = path + sep + "msg=" + flash + (arg == null ? "" : "&arg=" + URLEncoder.encode(arg, StandardCharsets.UTF_8));
    ctx.redirect(target, HttpStatus.SEE_OTHER);
  }

  static String form(Context ctx, String field) {
    String v = ctx.formParam(field);
    return v == null ? null : v.strip();
  }

  static int intForm(Context ctx, String field, int fallback) {
    String v = form(ctx, field);
    if (v == null || v.isEmpty()) {
      return fallback;
    }
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(field + ": '" + v + "' is not a whole number");
    }
  }

  /** Only local paths may be redirect targets (no open redirect through {@code ?next=}). */
  static String localPath(String next, String fallback) {
    if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")) {
      return fallback;
    }
    return next;
  }
}
