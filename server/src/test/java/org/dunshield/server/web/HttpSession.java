package org.dunshield.server.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser-like HTTP client for tests: keeps cookies, does not follow redirects, and remembers
 * the CSRF token of the last page it read so forms can be posted like a browser posts them.
 */
final class HttpSession {
  private static final Pattern CSRF = Pattern.compile("(?:name=\"_csrf\" value=\"|_csrf=)([A-Za-z0-9_-]{20,})");

  private final String base;
  private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  private final HttpClient http;
  String csrf;

  HttpSession(String base) {
    this.base = base;
    this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", "en").GET());
  }

  HttpResponse<byte[]> getBytes(String path) {
    try {
      return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Posts a form with the remembered CSRF token. */
  HttpResponse<String> post(String path, String... fields) {
    Map<String, String> m = new LinkedHashMap<>();
    if (csrf != null) {
      m.put("_csrf", csrf);
    }
    for (int i = 0; i < fields.length; i += 2) {
      m.put(fields[i], fields[i + 1]);
    }
    return postRaw(path, m);
  }

  HttpResponse<String> postRaw(String path, Map<String, String> fields) {
    StringBuilder body = new StringBuilder();
    fields.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(enc(k)).append('=').append(enc(v)));
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", "en")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
  }

  HttpResponse<String> json(String method, String path, String body, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return send(b);
  }

  /** Uploads {@code content} as the {@code file} field of the import form (CSRF in the query, like the form). */
  HttpResponse<String> upload(String path, String filename, byte[] content) {
    String boundary = "----dunshield" + System.nanoTime();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    out.writeBytes(content);
    out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(HttpRequest.newBuilder(URI.create(base + path + (csrf == null ? "" : "?_csrf=" + enc(csrf))))
        .header("Accept-Language", "en")
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      Matcher m = CSRF.matcher(r.body());
      if (m.find()) {
        csrf = m.group(1);
      }
      return r;
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
