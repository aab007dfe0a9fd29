package org.dunshield.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.dunshield.core.event.Presentation;
import org.dunshield.core.screen.LiveScreening;
import org.dunshield.core.screen.Verdict;
import org.dunshield.server.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code screen call|sms}: decide about one call or SMS, print the verdict, record it in history. */
@Command(name = "screen", mixinStandardHelpOptions = true, description = "Screen one call or SMS and record it.",
    subcommands = {ScreenCommand.Call.class, ScreenCommand.Sms.class})
final class ScreenCommand {
  @ParentCommand Main main;

  static void print(PrintWriter out, Verdict v, boolean json, String language) {
    if (json) {
      Output.json(out, Json.verdict(v, language));
      return;
    }
    String who = v.number() == null ? ("zh".equals(language) ? "隐藏号码" : "hidden") : v.number().e164();
    out.printf("%-7s %s  %s [%s]%n", v.action().code().toUpperCase(java.util.Locale.ROOT), who,
        v.reason().in(language), v.check());
    out.flush();
  }

  @Command(name = "call", mixinStandardHelpOptions = true, description = "Screen an incoming call.")
  static final class Call implements Callable<Integer> {
    @ParentCommand ScreenCommand parent;
    @Spec CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "NUMBER", description = "The caller; omit for a hidden caller.")
    String number;

    @Option(names = "--at", paramLabel = "ISO-8601", description = "When it rang (default now).")
    String at;

    @Option(names = "--presentation", paramLabel = "allowed|restricted|unknown|payphone")
    String presentation;

    @Option(names = "--json", description = "Print the verdict as JSON.")
    boolean json;

    @Override
    public Integer call() {
      App app = parent.main.app();
      Presentation p = presentation == null ? null : Presentation.fromCode(presentation);
      if (number == null && p == null) {
        p = Presentation.RESTRICTED;
      }
      Instant when = at == null ? null : Times.instant("--at", at, app.settings().timezone());
      LiveScreening screening = app.screening(Duration.ZERO);
      Verdict v = screening.call(number, when, p, "cli");
      print(spec.commandLine().getOut(), v, json, app.language());
      return 0;
    }
  }

  @Command(name = "sms", mixinStandardHelpOptions = true, description = "Screen an incoming SMS.")
  static final class Sms implements Callable<Integer> {
    @ParentCommand ScreenCommand parent;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "SENDER", description = "The sender's number or sender ID.")
    String sender;

    @Option(names = "--text", required = true, description = "The message text.")
    String text;

    @Option(names = "--at", paramLabel = "ISO-8601", description = "When it arrived (default now).")
    String at;

    @Option(names = "--json", description = "Print the verdict as JSON.")
    boolean json;

    @Override
    public Integer call() {
      App app = parent.main.app();
      Instant when = at == null ? null : Times.instant("--at", at, app.settings().timezone());
      Verdict v = app.screening(Duration.ZERO).sms(sender, text, when, "cli");
      print(spec.commandLine().getOut(), v, json, app.language());
      return 0;
    }
  }
}
