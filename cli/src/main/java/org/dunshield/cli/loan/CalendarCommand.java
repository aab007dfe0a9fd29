package org.dunshield.cli.loan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dunshield.core.loan.Language;
import org.dunshield.core.loan.LoanDesk;
import org.dunshield.core.loan.Reminder;
import org.dunshield.server.loan.IcsWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code loan calendar --out FILE.ics}: due dates of every open loan as calendar reminders. */
@Command(name = "calendar", mixinStandardHelpOptions = true,
    description = "Export due dates from today on as an iCalendar file phones and desktops import.")
final class CalendarCommand implements Callable<Integer> {
  @ParentCommand LoanCommand loan;
  @Spec CommandSpec spec;
  @Mixin LprOption lpr;
  @Option(names = "--out", required = true, paramLabel = "FILE.ics") Path out;
  @Option(names = "--days-ahead", defaultValue = "3", paramLabel = "N",
      description = "Remind this many days before each due date (default: ${DEFAULT-VALUE}).")
  int daysAhead;
  @Option(names = "--lang", defaultValue = "en", paramLabel = "zh|en",
      description = "Language of the reminders (default: ${DEFAULT-VALUE}).") String lang;
  @Option(names = "--json", description = "Print one JSON document.") boolean json;

  @Override
  public Integer call() {
    LoanDesk desk = loan.desk(lpr.table());
    List<Reminder> reminders = desk.reminders(daysAhead);
    if (reminders.isEmpty()) {
      spec.commandLine().getOut().printf(
          "no open loan has a due date from %s on; no calendar written%n", desk.today());
      return 0;
    }
    var calendar = IcsWriter.calendar(reminders, daysAhead, loan.clock().instant(),
        Language.fromCode(lang));
    try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      IcsWriter.write(calendar, w);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
    }
    if (json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("file", out.toString());
      m.put("events", reminders.size());
      m.put("daysAhead", daysAhead);
      LoanCommand.print(spec.commandLine().getOut(), m);
    } else {
      spec.commandLine().getOut().printf("%d reminders written to %s%n", reminders.size(), out);
    }
    return 0;
  }
}
