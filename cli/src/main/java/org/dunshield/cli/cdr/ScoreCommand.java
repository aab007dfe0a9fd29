package org.dunshield.cli.cdr;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dunshield.cli.CdrCommand;
import org.dunshield.core.carrier.Scoring;
import org.dunshield.core.carrier.Truth;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code cdr score --flags FILE --truth FILE [--json]}: findings against a network's truth. */
@Command(name = "score", mixinStandardHelpOptions = true,
    description = {"Score findings against the truth: precision, recall, F1 and delay per category,",
        "attacks detected within 60 s, legitimate high-volume numbers flagged. 按真值评分。"})
public final class ScoreCommand implements Callable<Integer> {
  @ParentCommand CdrCommand parent;
  @Spec CommandSpec spec;

  @Option(names = "--flags", required = true, paramLabel = "FILE", description = "Findings of cdr analyze (JSON lines).")
  Path flags;

  @Option(names = "--truth", required = true, paramLabel = "FILE", description = "Truth file of cdr generate.")
  Path truth;

  @Option(names = "--json", description = "Print the report as JSON.")
  boolean json;

  @Override
  public Integer call() {
    List<Scoring.Flag> flagList = new ArrayList<>();
    List<Scoring.Alert> alerts = new ArrayList<>();
    Scoring.read(flags, flagList, alerts);
    Scoring.Report r = Scoring.score(flagList, alerts, Truth.read(truth));
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Scoring.toJson(r));
      return 0;
    }
    out.printf(parent.say("号码：精确率 %.2f%%，召回率 %.2f%%，F1 %.4f（%d 真阳性，%d 误报，%d 漏报）%n",
        "numbers: precision %.2f%%, recall %.2f%%, F1 %.4f (%d true positives, %d false positives, %d missed)%n"),
        100 * r.numbers().precision(), 100 * r.numbers().recall(), r.numbers().f1(), r.numbers().truePositives(),
        r.numbers().falsePositives(), r.numbers().falseNegatives());
    out.printf(parent.say("合法大量呼叫号码被标记：%d / %d%n", "legitimate high-volume numbers flagged: %d of %d%n"),
        r.legitimateFlagged(), r.legitimate());
    out.printf(parent.say("轰炸攻击：%d 次，检出 %d，60 秒内 %d，误报警 %d%n",
        "bombing attacks: %d, detected %d, within 60 s %d, false alerts %d%n"), r.attackCount(),
        r.attackCount() - r.attacks().falseNegatives(), r.attacksWithin60s(), r.falseAlerts());
    out.println(parent.say("类别            精确率   召回率   F1      延迟中位数(秒)  延迟P95(秒)",
        "category        precision recall  F1      median delay s  p95 delay s"));
    for (Map.Entry<String, Scoring.Figures> e : r.categories().entrySet()) {
      Scoring.Figures f = e.getValue();
      out.printf("%-15s %7.2f%% %7.2f%% %6.4f %15.1f %12.1f%n", e.getKey(), 100 * f.precision(), 100 * f.recall(),
          f.f1(), f.medianDelaySeconds(), f.p95DelaySeconds());
    }
    return 0;
  }
}
