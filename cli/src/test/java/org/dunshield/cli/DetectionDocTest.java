package org.dunshield.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every {@code $ ./dunshield ...} line of the console blocks of docs/detection.md, in order, on
 * one empty data directory, and checks that the lines under it are exactly what the command prints
 * ({@code ../shared/samples/} paths are resolved to the shared samples). Run with
 * {@code -Ddetection.doc.update=true} to rewrite the outputs after a deliberate change.
 */
class DetectionDocTest {
  private static final Path DOC = Path.of("..", "docs", "detection.md");
  private static final String PROMPT = "$ ./dunshield ";
  private static final String SAMPLES = "../shared/samples/";

  @TempDir Path data;

  @Test
  void consoleExamplesPrintWhatTheDocumentShows() throws IOException {
    Cli cli = new Cli(data);
    List<String> lines = Files.readAllLines(DOC, StandardCharsets.UTF_8);
    List<String> rewritten = new ArrayList<>();
    List<String> mismatches = new ArrayList<>();
    boolean inConsole = false;
    int commands = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      rewritten.add(line);
      if (line.startsWith("```")) {
        inConsole = line.equals("```console");
        continue;
      }
      if (!inConsole || !line.startsWith(PROMPT)) {
        continue;
      }
      commands++;
      List<String> expected = new ArrayList<>();
      while (i + 1 < lines.size() && !lines.get(i + 1).startsWith("$") && !lines.get(i + 1).startsWith("```")) {
        expected.add(lines.get(++i));
      }
      List<String> actual = run(cli, line.substring(PROMPT.length()));
      rewritten.addAll(actual);
      if (!actual.equals(expected)) {
        mismatches.add(line + "\nexpected:\n" + String.join("\n", expected) + "\nactual:\n" + String.join("\n", actual));
      }
    }
    if (Boolean.getBoolean("detection.doc.update")) {
      Files.write(DOC, rewritten, StandardCharsets.UTF_8);
      return;
    }
    assertThat(commands).isGreaterThanOrEqualTo(10);
    assertThat(mismatches).as("docs/detection.md is out of date").isEmpty();
  }

  private static List<String> run(Cli cli, String commandLine) {
    List<String> args = new ArrayList<>();
    List<String[]> paths = new ArrayList<>();
    for (String word : words(commandLine)) {
      if (word.startsWith(SAMPLES)) {
        String absolute = Samples.file(word.substring(SAMPLES.length())).toString();
        paths.add(new String[] {absolute, word});
        args.add(absolute);
      } else {
        args.add(word);
      }
    }
    Cli.Result r = cli.run(args.toArray(new String[0]));
    if (r.exit() != 0) {
      throw new AssertionError(commandLine + " exited " + r.exit() + ": " + r.err());
    }
    String out = r.out();
    for (String[] p : paths) {
      out = out.replace(p[0], p[1]);
    }
    List<String> result = new ArrayList<>(List.of(out.split("\n", -1)));
    while (!result.isEmpty() && result.get(result.size() - 1).isEmpty()) {
      result.remove(result.size() - 1);
    }
    return result;
  }

  /** Splits a command line on spaces, keeping "double-quoted words" together. */
  static List<String> words(String line) {
    return ShellWords.split(line);
  }
}
