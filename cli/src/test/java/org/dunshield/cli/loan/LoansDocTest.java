package org.dunshield.cli.loan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.dunshield.core.loan.InMemoryLoans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every {@code $ dunshield loan ...} line of docs/loans.md, in order, on one empty store with
 * today being 2025-09-01, and checks that the output printed under it in the document is exactly what
 * the command prints; then checks the values shown in the JSON examples. Run with
 * {@code -Dloans.doc.update=true} to rewrite the outputs in the document after a deliberate change.
 */
class LoansDocTest {
  private static final Path DOC = Path.of("..", "docs", "loans.md");
  private static final String PROMPT = "$ dunshield loan ";
  private static final Map<String, String> JSON_EXAMPLES = Map.of(
      "`loan calc --json`:",
      "calc --amount 10000 --fee-upfront 1000 --rate 12% --term 12 --start 2025-06-01 --json",
      "`loan overdue --json`:", "overdue 1 --as-of 2025-09-01 --json");

  @TempDir Path dir;
  private final Cli cli = new Cli(new InMemoryLoans(), LocalDate.of(2025, 9, 1));

  @Test
  void consoleExamplesPrintWhatTheDocumentShows() throws IOException {
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
      if (!inConsole || !line.startsWith("$ ")) {
        continue;
      }
      commands++;
      List<String> expected = new ArrayList<>();
      while (i + 1 < lines.size() && !lines.get(i + 1).startsWith("$")
          && !lines.get(i + 1).startsWith("```")) {
        expected.add(lines.get(++i));
      }
      List<String> actual = output(line);
      rewritten.addAll(actual);
      if (!actual.equals(expected)) {
        mismatches.add(line + "\nexpected:\n" + String.join("\n", expected) + "\nactual:\n"
            + String.join("\n", actual));
      }
    }
    if (Boolean.getBoolean("loans.doc.update")) {
      Files.write(DOC, rewritten, StandardCharsets.UTF_8);
      return;
    }
    assertThat(commands).isGreaterThanOrEqualTo(9);
    assertThat(mismatches).as("docs/loans.md is out of date").isEmpty();
    checkJsonExamples(lines);
  }

  /** Runs a {@code dunshield loan} line, or shows a file a previous line wrote ({@code $ cat}). */
  private List<String> output(String line) throws IOException {
    String out;
    if (line.startsWith("$ cat ")) {
      out = Files.readString(dir.resolve(line.substring(6).trim()), StandardCharsets.UTF_8);
    } else {
      assertThat(line).startsWith(PROMPT);
      Cli.Result r = cli.run(args(line.substring(PROMPT.length())));
      assertThat(r.exit()).as(line + "\n" + r.err()).isZero();
      out = r.out().replace(dir + "/", "");
    }
    return out.lines().map(String::stripTrailing).toList();
  }

  private void checkJsonExamples(List<String> lines) throws IOException {
    int checked = 0;
    for (int i = 0; i < lines.size(); i++) {
      String command = JSON_EXAMPLES.get(lines.get(i).trim());
      if (command == null) {
        continue;
      }
      StringBuilder json = new StringBuilder();
      int j = i + 1;
      while (!lines.get(j).startsWith("```json")) {
        j++;
      }
      j++;
      while (!lines.get(j).startsWith("```")) {
        json.append(lines.get(j++)).append('\n');
      }
      JsonNode shown = new ObjectMapper().readTree(json.toString());
      JsonNode actual = cli.run(args(command)).json();
      matches(shown, actual, command);
      checked++;
    }
    assertThat(checked).isEqualTo(JSON_EXAMPLES.size());
  }

  /** Every field shown exists with the value shown; "..." stands for any value or the rest. */
  private static void matches(JsonNode shown, JsonNode actual, String where) {
    if (shown.isTextual() && shown.asText().endsWith("...")) {
      String prefix = shown.asText().substring(0, shown.asText().length() - 3).strip();
      assertThat(actual.isTextual() ? actual.asText() : actual.toString()).as(where)
          .startsWith(prefix);
    } else if (shown.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = shown.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        assertThat(actual.has(field.getKey())).as(where + " has " + field.getKey()).isTrue();
        matches(field.getValue(), actual.get(field.getKey()), where + "." + field.getKey());
      }
    } else if (shown.isArray()) {
      for (int k = 0; k < shown.size(); k++) {
        matches(shown.get(k), actual.get(k), where + "[" + k + "]");
      }
    } else {
      assertThat(actual).as(where).isEqualTo(shown);
    }
  }

  /** Splits like a shell: spaces separate, double quotes group; {@code --out} goes to a temp dir. */
  private String[] args(String command) {
    List<String> args = new ArrayList<>(org.dunshield.cli.ShellWords.split(command));
    for (int k = 0; k + 1 < args.size(); k++) {
      if (args.get(k).equals("--out")) {
        args.set(k + 1, dir.resolve(args.get(k + 1)).toString());
      }
    }
    return args.toArray(String[]::new);
  }
}
