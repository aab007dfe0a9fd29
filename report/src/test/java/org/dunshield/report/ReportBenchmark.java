package org.dunshield.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.dunshield.core.event.CallEvent;
import org.dunshield.core.event.CallType;
import org.dunshield.core.event.Direction;
import org.dunshield.core.event.Presentation;
import org.dunshield.core.event.SmsEvent;
import org.dunshield.core.evidence.Case;
import org.dunshield.core.history.HistoryEntry;
import org.dunshield.core.number.NumberKind;
import org.dunshield.core.number.PhoneNumber;
import org.dunshield.core.report.CaseReport;
import org.dunshield.core.report.ConductFindings;

/**
 * A timed benchmark, not a unit test: renders a report over N events (default 100,000: two thirds
 * calls, one third SMS of about 90 Chinese characters) in every format and prints time and heap.
 * Run with a 512 MB heap:
 *
 * <pre>
 * java -Xmx512m -cp report/target/test-classes:report/target/classes:$(deps) org.dunshield.report.ReportBenchmark 100000
 * </pre>
 */
public final class ReportBenchmark {
  private ReportBenchmark() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    List<HistoryEntry> history = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      PhoneNumber from = PhoneNumber.of("+86171" + String.format("%08d", i % 500), NumberKind.VIRTUAL_MOBILE);
      Instant at = t0.plusSeconds(i * 97L);
      history.add(new HistoryEntry(i + 1, i % 3 == 2
          ? new SmsEvent(at, from, from.e164(), Direction.INCOMING, "【某某金融】尊敬的客户，您的借款已逾期 " + i
              + " 天，欠款本金及罚息合计 3,280.55 元。请于今日 18:00 前还款，否则我司将联系您的紧急联系人、工作单位并上报征信。退订回T")
          : new CallEvent(at, from, from.e164(), Presentation.ALLOWED, CallType.MISSED, Duration.ZERO, null),
          null, "bench"));
    }
    Case c = new Case(1, "bench", List.of(), null, null, t0);
    Path dir = Files.createTempDirectory("report-bench");
    for (Format f : Format.values()) {
      System.gc();
      long start = System.nanoTime();
      CaseReport r = CaseReport.build(c, history, List.of(), null, ConductFindings.NONE, ZoneId.of("Asia/Shanghai"), "zh",
          Instant.now());
      Path out = dir.resolve("report." + f.name().toLowerCase(java.util.Locale.ROOT));
      Reports.export(r, f, out);
      long ms = (System.nanoTime() - start) / 1_000_000;
      Runtime rt = Runtime.getRuntime();
      System.out.printf("%s: %,d events in %,d ms, %,d KB, heap used %d MB of max %d MB%n", f, n, ms,
          Files.size(out) / 1024, (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);
    }
  }
}
