package org.dunshield.cli.loan;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dunshield.core.loan.DeferralLetter;
import org.dunshield.core.loan.DeferralPlan;
import org.dunshield.core.loan.Language;
import org.dunshield.core.loan.Loan;
import org.dunshield.core.loan.LoanDesk;
import org.dunshield.core.loan.Money;
import org.dunshield.server.loan.LoanJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code loan deferral ID --budget B [--lang zh|en] --out FILE}: a plan and a request letter. */
@Command(name = "deferral", mixinStandardHelpOptions = true,
    description = "Propose a repayment plan from a monthly budget and write a request letter (PDF when FILE ends in .pdf, else text).")
final class DeferralCommand implements Callable<Integer> {
  @ParentCommand LoanCommand loan;
  @Spec CommandSpec spec;
  @Mixin LprOption lpr;
  @Parameters(paramLabel = "ID", description = "The loan's id (see loan list).") long id;
  @Option(names = "--budget", required = true, paramLabel = "B",
      description = "What you can pay a month after essential living costs.") String budget;
  @Option(names = "--lang", defaultValue = "zh", paramLabel = "zh|en",
      description = "Language of the letter (default: ${DEFAULT-VALUE}).") String lang;
  @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the letter.")
  Path out;
  @Option(names = "--as-of", paramLabel = "DATE", description = "Day of the letter (default: today).")
  String asOf;
  @Option(names = "--json", description = "Print the plan as one JSON document.") boolean json;

  @Override
  public Integer call() {
    Language language = Language.fromCode(lang);
    LoanDesk desk = loan.desk(lpr.table());
    Loan stored = desk.get(id);
    DeferralPlan plan =
        desk.deferral(id, Money.parse(budget), Dates.parseOr("--as-of", asOf, desk.today()));
    String letter = DeferralLetter.render(stored.contract(), plan, language);
    org.dunshield.report.Reports.exportLetter(letter, out); // PDF with an embedded CJK font when FILE ends in .pdf
    if (json) {
      Map<String, Object> m = LoanJson.deferral(id, plan, letter);
      m.put("file", out.toString());
      LoanCommand.print(spec.commandLine().getOut(), m);
    } else {
      spec.commandLine().getOut().printf(
          "plan: %d monthly instalments of %s from %s, interest %s%s; letter written to %s%n",
          plan.months(), Tables.m(plan.instalment()), plan.firstDue(), plan.treatment().code(),
          plan.withinBudget() ? "" : " (above your budget even so)", out);
    }
    return 0;
  }
}
