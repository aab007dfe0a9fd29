package org.dunshield.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dunshield.server.Json;

/** Runs the real command line in-process against one data directory and captures its output. */
final class Cli {
  record Result(int exit, String out, String err) {
    JsonNode json() {
      try {
        return Json.mapper().readTree(out);
      } catch (Exception e) {
        throw new AssertionError("not JSON: " + out + "\nstderr: " + err, e);
      }
    }
  }

  private final Path data;

  Cli(Path data) {
    this.data = data;
  }

  Result run(String... args) {
    List<String> all = new ArrayList<>(List.of("--data", data.toString(), "--lang", "en"));
    all.addAll(List.of(args));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(all.toArray(new String[0]), new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(exit, out.toString(), err.toString());
  }

  JsonNode json(String... args) {
    Result r = run(args);
    if (r.exit() != 0) {
      throw new AssertionError(String.join(" ", args) + " exited " + r.exit() + ": " + r.err());
    }
    return r.json();
  }
}
