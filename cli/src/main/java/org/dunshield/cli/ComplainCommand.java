package org.dunshield.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dunshield.core.complaint.Complaint;
import org.dunshield.core.complaint.ComplaintChannel;
import org.dunshield.report.CjkFont;
import org.dunshield.report.Reports;
import org.dunshield.server.evidence.CaseDesk;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code complain CASE --channel police|carrier|12321|12300|12378|lender [--fact KEY=VALUE]... --out FILE}:
 * a complaint draft, PDF when FILE ends in .pdf, else text. Missing required facts exit 2, all listed.
 */
@Command(name = "complain", mixinStandardHelpOptions = true,
    description = "Draft a complaint to one channel from a case (PDF when --out ends in .pdf, else text).")
final class ComplainCommand implements Callable<Integer> {
  @ParentCommand Main main;
  @Spec CommandSpec spec;
  @Parameters(paramLabel = "CASE", description = "Case id or name.") String kase;
  @Option(names = "--channel", required = true, paramLabel = "police|carrier|12321|12300|12378|lender") String channel;
  @Option(names = "--fact", paramLabel = "KEY=VALUE", description = "A fact the channel needs: name, id-number,"
      + " carrier, region, institution, contract-id, carrier-reply, rule-broken, request.")
  Map<String, String> facts = new LinkedHashMap<>();
  @Option(names = "--lang", paramLabel = "zh|en") String lang;
  @Option(names = "--out", required = true, paramLabel = "FILE") Path out;

  @Override
  public Integer call() {
    App app = main.app();
    ComplaintChannel ch = ComplaintChannel.fromCode(channel);
    CaseDesk desk = CaseReports.desk(app);
    Complaint complaint = desk.complaint(desk.find(kase), ch, facts, CaseReports.language(app, lang));
    String sha;
    try {
      sha = Reports.export(complaint, out);
    } catch (CjkFont.MissingFontException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    spec.commandLine().getOut().printf("%s: complaint to %s, sha256 %s%n", out, ch.code(), sha);
    return 0;
  }
}
