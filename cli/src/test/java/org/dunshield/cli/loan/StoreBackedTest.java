package org.dunshield.cli.loan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.dunshield.store.loan.LoanStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The loan commands under a root command with {@code --data}, storing in SQLite as deployed. */
class StoreBackedTest {
  @TempDir Path data;

  private String run(String... args) {
    CommandSpec root = CommandSpec.create()
        .addOption(OptionSpec.builder("--data").type(Path.class).build())
        .addOption(OptionSpec.builder("--db").type(String.class).build());
    CommandLine cli = new CommandLine(root);
    cli.addSubcommand("loan", new LoanCommand());
    StringWriter out = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    assertThat(cli.execute(args)).isZero();
    return out.toString();
  }

  @Test
  void loansAddedInOneRunAreThereInTheNext() {
    run("--data", data.toString(), "loan", "add", "--lender", "Bank", "--lender-kind", "bank",
        "--amount", "5000", "--rate", "6%", "--term", "6", "--start", "2025-01-10");
    run("--data", data.toString(), "loan", "pay", "1", "--amount", "100", "--date", "2025-02-10");
    assertThat(run("--data", data.toString(), "loan", "list")).contains("Bank").contains("5000.00");
    assertThat(LoanStore.openDirectory(data).loans().find(1).orElseThrow().payments()).hasSize(1);
  }
}
