package org.dunshield.cli.cdr;

import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import org.dunshield.cli.CdrCommand;
import org.dunshield.core.carrier.CdrFiles;
import org.dunshield.core.carrier.NetworkGenerator;
import org.dunshield.core.carrier.Truth;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code cdr generate}: a seeded synthetic network's CDRs and its truth file. */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = {"Generate a seeded synthetic carrier network: CDRs (CSV, .gz compressed) and the truth file.",
        "生成带真值的合成运营商网络话单。"})
public final class GenerateCommand implements Callable<Integer> {
  @ParentCommand CdrCommand parent;
  @Spec CommandSpec spec;

  @Option(names = "--subscribers", required = true, paramLabel = "N", description = "10,000 to 10,000,000.")
  int subscribers;

  @Option(names = "--days", defaultValue = "7", paramLabel = "D", description = "1 to 60 (default 7).")
  int days;

  @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Same seed, same network (default 1).")
  long seed;

  @Option(names = "--start", paramLabel = "DATE", description = "First day (local midnight UTC+8), default 2026-03-02.")
  LocalDate start;

  @Option(names = "--out", required = true, paramLabel = "CDRS", description = "CDR file to write (.csv or .csv.gz).")
  Path out;

  @Option(names = "--truth", required = true, paramLabel = "TRUTH", description = "Truth file to write (CSV).")
  Path truth;

  @Override
  public Integer call() throws Exception {
    String name = out.getFileName().toString();
    if (!name.endsWith(".csv") && !name.endsWith(".csv.gz")) {
      throw new IllegalArgumentException("--out " + out + ": the CDR file must end in .csv or .csv.gz");
    }
    long first = start == null ? NetworkGenerator.DEFAULT_START
        : start.atStartOfDay(ZoneOffset.ofHours(8)).toInstant().toEpochMilli();
    NetworkGenerator generator = new NetworkGenerator(subscribers, days, seed, first);
    Path cdrTmp = Outputs.temporaryBeside(out);
    Path truthTmp = Outputs.temporaryBeside(truth);
    long began = System.nanoTime();
    long[] count = {0};
    try {
      List<Truth.Row> rows;
      try (OutputStream o = Files.newOutputStream(cdrTmp);
          CdrFiles.CsvWriter w = new CdrFiles.CsvWriter(o, name.endsWith(".gz"))) {
        rows = generator.generate(c -> {
          w.write(c);
          count[0]++;
        });
      }
      try (Writer w = Files.newBufferedWriter(truthTmp, StandardCharsets.UTF_8)) {
        Truth.write(rows, w);
      }
      Outputs.commit(cdrTmp, out);
      Outputs.commit(truthTmp, truth);
      double seconds = (System.nanoTime() - began) / 1e9;
      long abusive = rows.stream().filter(r -> r.kind() == Truth.Kind.ABUSIVE).count();
      long attacks = rows.stream().filter(r -> r.kind() == Truth.Kind.ATTACK).count();
      spec.commandLine().getOut().printf(parent.say(
          "已生成 %,d 条话单（%,d 用户，%d 天），%.1f 秒；真值：%d 个滥用号码，%d 次轰炸攻击%n",
          "generated %,d CDRs (%,d subscribers, %d days) in %.1f s; truth: %d abusive numbers, %d bombing attacks%n"),
          count[0], subscribers, days, seconds, abusive, attacks);
      return 0;
    } finally {
      Files.deleteIfExists(cdrTmp);
      Files.deleteIfExists(truthTmp);
    }
  }
}
