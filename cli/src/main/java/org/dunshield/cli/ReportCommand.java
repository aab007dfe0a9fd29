package org.dunshield.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.dunshield.core.report.CaseReport;
import org.dunshield.report.CjkFont;
import org.dunshield.report.Format;
import org.dunshield.report.Reports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code report CASE --format pdf|html|csv|json [--lang zh|en] --out FILE}. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Export a case's evidence report; FILE.sha256 is written beside it.")
final class ReportCommand implements Callable<Integer> {
  @ParentCommand Main main;
  @Spec CommandSpec spec;
  @Parameters(paramLabel = "CASE", description = "Case id or name.") String kase;
  @Option(names = "--format", required = true, paramLabel = "pdf|html|csv|json") String format;
  @Option(names = "--lang", paramLabel = "zh|en") String lang;
  @Option(names = "--out", required = true, paramLabel = "FILE") Path out;

  @Override
  public Integer call() {
    App app = main.app();
    Format f = Format.fromCode(format);
    CaseReport report = CaseReports.build(app, CaseReports.find(app, kase), CaseReports.language(app, lang));
    String sha;
    try {
      sha = Reports.export(report, f, out);
    } catch (CjkFont.MissingFontException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    spec.commandLine().getOut().printf("%s: %d events, sha256 %s%n", out, report.events().size(), sha);
    return 0;
  }
}
