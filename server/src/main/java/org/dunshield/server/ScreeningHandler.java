package org.dunshield.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.LongFunction;
import org.dunshield.core.screen.LiveScreening;
import org.dunshield.core.screen.LiveScreening.Decision;
import org.dunshield.server.account.Guard;
import org.dunshield.server.account.Principal;
import org.dunshield.store.Database;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The screening API's fast path: a Jetty handler in front of the Javalin application that serves
 * {@code POST /api/v1/screen/call} and {@code /api/v1/screen/sms} itself when {@link
 * Guard#apiPrincipal} can authorise the request from its headers (a personal API token; single-user
 * mode without a CSRF header), and hands everything else to Javalin unchanged. The request thread
 * reads the body, decides and queues the event for the store's group commit; the answer is written
 * when the store has committed the event ({@link LiveScreening#recordAsync}), so no thread waits
 * for the commit and the answered requests are stored ones. Same bodies, answers, errors and
 * admission ({@link Admission}: 503 with {@code Retry-After} when every permit is taken) as the
 * Javalin handlers in {@link ScreenApi}. Thread-safe.
 */
final class ScreeningHandler extends Handler.Wrapper {
  /** The largest request body read (Javalin's default request limit, so both paths refuse the same). */
  static final int MAX_BODY = 1_000_000;
  private static final HttpField CONTENT_TYPE = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, ScreenApi.JSON);
  /** The refusal's body, rendered once: under overload most answers are this one. */
  private static final String OVERLOADED = Json.compact(Json.error(ScreenApi.OVERLOADED));

  private final Guard guard;
  private final LongFunction<LiveScreening> screenings;
  private final Admission admission;

  /**
   * @param guard the accounts' guard, or {@code null} for the server without the web application
   *     (no sign-in: every request belongs to the one owner)
   * @param screenings the screening of an owner id
   */
  ScreeningHandler(Guard guard, LongFunction<LiveScreening> screenings, Admission admission) {
    this.guard = guard;
    this.screenings = screenings;
    this.admission = admission;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    ScreenApi.Route route = "POST".equals(request.getMethod()) ? ScreenApi.Route.of(request.getHttpURI().getPath()) : null;
    if (route == null) {
      return super.handle(request, response, callback);
    }
    long owner;
    if (guard == null) {
      owner = Database.LOCAL_OWNER;
    } else {
      HttpFields h = request.getHeaders();
      Principal p = guard.apiPrincipal(h.get(HttpHeader.AUTHORIZATION), h.get(Guard.CSRF_HEADER),
          h.get(HttpHeader.ORIGIN), h.get(HttpHeader.HOST));
      if (p == null) {
        return super.handle(request, response, callback); // sessions, CSRF tokens and refusals: Guard.check
      }
      owner = p.owner();
    }
    if (!admission.tryEnter()) {
      response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
      answer(response, callback, 503, OVERLOADED, null);
      return true;
    }
    long started = System.nanoTime();
    Content.Source.asByteArrayAsync(request, MAX_BODY).whenComplete((body, failure) -> {
      if (failure != null) { // over the limit, or the client went away mid-body
        admission.leave();
        answer(response, callback, 413, Json.compact(Json.error("request body unreadable or larger than " + MAX_BODY
            + " bytes: " + unwrap(failure).getMessage())), null);
        return;
      }
      screen(request, response, callback, route, owner, body, started);
    });
    return true;
  }

  private void screen(Request request, Response response, Callback callback, ScreenApi.Route route, long owner,
      byte[] body, long started) {
    CompletableFuture<?> recorded;
    String answer;
    try {
      LiveScreening screening = screenings.apply(owner);
      Decision decision = ScreenApi.decide(screening, route, body);
      String lang = request.getHttpURI().getQuery() == null ? null // most devices send none: no parsing
          : Request.extractQueryParameters(request).getValue("lang");
      String language = DunshieldServer.language(lang, request.getHeaders().get(HttpHeader.ACCEPT_LANGUAGE));
      answer = Json.compact(Json.verdict(decision.verdict(), language)); // here, not on the store's thread
      recorded = screening.recordAsync(decision, ScreenApi.SOURCE).toCompletableFuture();
    } catch (RuntimeException e) {
      admission.leave();
      fail(request, response, callback, e);
      return;
    }
    recorded.whenComplete((stored, failure) -> {
      admission.leave();
      if (failure != null) {
        fail(request, response, callback, unwrap(failure));
      } else {
        answer(response, callback, 200, answer, ScreenApi.serverTiming(started));
      }
    });
  }

  /** Answers a failure as the Javalin path's exception handlers do: 400 naming the problem, or 500. */
  private static void fail(Request request, Response response, Callback callback, Throwable e) {
    if (e instanceof DunshieldServer.BadRequest || e instanceof IllegalArgumentException) {
      answer(response, callback, 400, Json.compact(Json.error(e.getMessage())), null);
      return;
    }
    System.err.println("dunshield: internal error on POST " + request.getHttpURI().getPath() + ": " + e);
    e.printStackTrace();
    answer(response, callback, 500, Json.compact(Json.error("internal error: " + e.getClass().getSimpleName())), null);
  }

  private static Throwable unwrap(Throwable t) {
    return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
  }

  private static void answer(Response response, Callback callback, int status, String json, String timing) {
    response.setStatus(status);
    response.getHeaders().put(CONTENT_TYPE);
    if (timing != null) {
      response.getHeaders().put("Server-Timing", timing);
    }
    response.write(true, ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)), callback);
  }
}
