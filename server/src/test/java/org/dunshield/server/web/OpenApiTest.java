package org.dunshield.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The served OpenAPI file documents every registered /api/v1 route (and nothing that does not exist). */
class OpenApiTest {
  private static final Pattern PATH = Pattern.compile("^  (/\\S+):\\s*$");
  private static final Pattern METHOD = Pattern.compile("^    (get|post|put|patch|delete):\\s*$");

  @TempDir Path dir;

  @Test
  void everyApiRouteIsDocumentedAndEveryDocumentedRouteExists() {
    try (WebFixture web = WebFixture.start(dir, "127.0.0.1", true, true, 1024 * 1024, 8, true)) {
      HttpResponse<String> r = new HttpSession(web.base()).get("/api/v1/openapi.yaml");
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).startsWith("openapi: 3.");
      Set<String> documented = new HashSet<>();
      String path = null;
      for (String line : r.body().split("\n")) {
        Matcher p = PATH.matcher(line);
        Matcher m = METHOD.matcher(line);
        if (p.matches()) {
          path = p.group(1);
        } else if (m.matches() && path != null) {
          documented.add(m.group(1).toUpperCase(Locale.ROOT) + " " + path);
        }
      }
      List<String> registered = new ArrayList<>();
      for (String route : web.server.routes()) {
        if (route.contains(" /api/v1/")) {
          registered.add(route);
        }
      }
      assertThat(registered).hasSizeGreaterThan(25);
      assertThat(documented).as("undocumented /api/v1 routes").containsAll(registered);
      assertThat(registered).as("documented routes that do not exist").containsAll(documented);
    }
  }
}
