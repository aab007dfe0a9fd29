package org.dunshield.cli;

import java.util.concurrent.Callable;
import org.dunshield.cli.cdr.AnalyzeCdrCommand;
import org.dunshield.cli.cdr.GenerateCommand;
import org.dunshield.cli.cdr.ScoreCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code cdr}: carrier-scale detection over call detail records (docs/carrier.md). */
@Command(name = "cdr", mixinStandardHelpOptions = true,
    description = {"Carrier-scale detection over call detail records: generate a network, analyze, score.",
        "运营商级检测（话单）：生成网络、分析、评分。"},
    subcommands = {GenerateCommand.class, AnalyzeCdrCommand.class, ScoreCommand.class})
public final class CdrCommand implements Callable<Integer> {
  @ParentCommand Main main;

  /** {@code zh} or {@code en}, from {@code --lang} or {@code $LANG}; needs no data directory. */
  public String language() {
    return App.language(main == null ? null : main.lang);
  }

  /** The message in the user's language. */
  public String say(String zh, String en) {
    return language().equals("zh") ? zh : en;
  }

  @Override
  public Integer call() {
    new CommandLine(this).usage(System.out);
    return 0;
  }
}
