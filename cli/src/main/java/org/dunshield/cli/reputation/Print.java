package org.dunshield.cli.reputation;

import java.io.PrintWriter;
import org.dunshield.server.Json;
import picocli.CommandLine.Model.CommandSpec;

/** Output helpers of the reputation commands. */
final class Print {
  private Print() {}

  static void json(CommandSpec spec, Object value) {
    PrintWriter out = spec.commandLine().getOut();
    out.println(Json.pretty(value));
    out.flush();
  }

  static void line(CommandSpec spec, String text) {
    PrintWriter out = spec.commandLine().getOut();
    out.println(text);
    out.flush();
  }
}
