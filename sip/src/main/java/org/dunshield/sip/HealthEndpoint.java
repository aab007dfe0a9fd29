package org.dunshield.sip;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * A small HTTP endpoint beside the SIP service: {@code GET /health} answers 200 with a JSON status
 * while the SIP stack runs (503 once it stops), {@code GET /metrics} the Prometheus text. Uses the
 * JDK's HTTP server on one thread. Thread-safe.
 */
final class HealthEndpoint implements AutoCloseable {
  private final HttpServer server;

  private HealthEndpoint(HttpServer server) {
    this.server = server;
  }

  static HealthEndpoint start(HostPort where, Supplier<String> status, Supplier<Boolean> up, SipMetrics metrics) {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(where.host(), where.port()), 16);
    } catch (IOException e) {
      throw new UncheckedIOException("listen for health checks on " + where, e);
    }
    server.createContext("/health", exchange -> {
      boolean ok = up.get();
      send(exchange, ok ? 200 : 503, "application/json", status.get());
    });
    server.createContext("/metrics", exchange ->
        send(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.prometheus()));
    server.setExecutor(Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "dunshield-sip-health");
      t.setDaemon(true);
      return t;
    }));
    server.start();
    return new HealthEndpoint(server);
  }

  private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
    try (exchange) {
      if (!exchange.getRequestMethod().equals("GET")) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", type);
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
