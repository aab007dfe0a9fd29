package org.dunshield.cli.reputation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dunshield.cli.App;
import org.dunshield.cli.ReputationCommand;
import org.dunshield.core.reputation.offline.Publication;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code reputation sync URL}: keeps an offline copy of a Dunshield server's published reputation
 * in the data directory ({@link App#OFFLINE_SNAPSHOT}): the full snapshot the first time, then only
 * the delta since the version held. Screening then consults it with no request per call.
 */
@Command(name = "sync", mixinStandardHelpOptions = true,
    description = "Download a server's reputation snapshot (then only deltas) for offline screening.")
public final class SyncCommand implements Callable<Integer> {
  @ParentCommand ReputationCommand parent;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "URL", description = "The server, e.g. https://dunshield.example.org") String url;

  @Option(names = "--json") boolean json;

  @Override
  public Integer call() throws IOException, InterruptedException {
    App app = parent.app();
    Path file = app.dataDir().resolve(App.OFFLINE_SNAPSHOT);
    String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    if (!base.startsWith("http://") && !base.startsWith("https://")) {
      throw new IllegalArgumentException("the server URL must start with http:// or https://, got '" + url + "'");
    }
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
        .followRedirects(HttpClient.Redirect.NORMAL).build();
    Publication held = null;
    if (Files.isRegularFile(file)) {
      try (InputStream in = Files.newInputStream(file)) {
        held = Publication.read(in);
      }
    }
    Publication now;
    String how;
    if (held != null) {
      HttpResponse<byte[]> delta = http.send(get(base + "/api/v1/reputation/deltas?since=" + held.version()),
          HttpResponse.BodyHandlers.ofByteArray());
      if (delta.statusCode() == 200) {
        now = held.withDelta(new ByteArrayInputStream(delta.body()));
        how = "delta";
      } else if (delta.statusCode() == 410) {
        now = full(http, base);
        how = "snapshot";
      } else {
        throw new IOException(base + " answered " + delta.statusCode() + " for the delta");
      }
    } else {
      now = full(http, base);
      how = "snapshot";
    }
    SnapshotCommand.write(now, file);
    if (json) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("version", now.version());
      doc.put("numbers", now.size());
      doc.put("blocks", now.blocks());
      doc.put("downloaded", how);
      Print.json(spec, doc);
    } else {
      Print.line(spec, "offline reputation at version " + now.version() + " (" + now.size() + " numbers, "
          + now.blocks() + " blocks) from a " + how);
    }
    return 0;
  }

  private static Publication full(HttpClient http, String base) throws IOException, InterruptedException {
    HttpResponse<InputStream> r = http.send(get(base + "/api/v1/reputation/snapshot"),
        HttpResponse.BodyHandlers.ofInputStream());
    if (r.statusCode() != 200) {
      throw new IOException(base + " answered " + r.statusCode() + " for the snapshot");
    }
    try (InputStream in = r.body()) {
      return Publication.read(in);
    }
  }

  private static HttpRequest get(String uri) {
    return HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofMinutes(10)).GET().build();
  }
}
