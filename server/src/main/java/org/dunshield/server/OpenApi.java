package org.dunshield.server;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Serves the hand-written OpenAPI 3 description of {@code /api/v1} ({@code openapi.yaml} beside this class). */
final class OpenApi {
  static final String PATH = "/api/v1/openapi.yaml";
  private static final byte[] DOCUMENT = load();

  private OpenApi() {}

  static void serve(Context ctx) {
    ctx.contentType("application/yaml; charset=utf-8").result(DOCUMENT);
  }

  static byte[] load() {
    try (InputStream in = OpenApi.class.getResourceAsStream("openapi.yaml")) {
      if (in == null) {
        throw new IllegalStateException("openapi.yaml is missing from the server jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
