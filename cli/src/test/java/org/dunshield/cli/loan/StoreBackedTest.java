package org.dunshield.cli.loan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.dunshield.cli.Main;
import org.dunshield.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loan commands under the real root command with {@code --data}, storing in SQLite as deployed. */
class StoreBackedTest {
  @TempDir Path data;

  private String run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    assertThat(exit).as(err.toString()).isZero();
    return out.toString();
  }

  @Test
  void loansAddedInOneRunAreThereInTheNext() {
    run("--data", data.toString(), "loan", "add", "--lender", "Bank", "--lender-kind", "bank",
        "--amount", "5000", "--rate", "6%", "--term", "6", "--start", "2025-01-10");
    run("--data", data.toString(), "loan", "pay", "1", "--amount", "100", "--date", "2025-02-10");
    assertThat(run("--data", data.toString(), "loan", "list")).contains("Bank").contains("5000.00");
    try (Database db = Database.openDirectory(data)) {
      assertThat(db.loans().find(1).orElseThrow().payments()).hasSize(1);
    }
  }

  @Test
  void badInputUnderTheRootCommandExitsWith2AndStoresNothing() {
    StringWriter err = new StringWriter();
    int exit = Main.run(new String[] {"--data", data.toString(), "loan", "pay", "9", "--amount", "1"},
        new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("no loan with id 9");
  }
}
