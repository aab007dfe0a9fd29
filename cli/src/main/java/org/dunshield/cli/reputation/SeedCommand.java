package org.dunshield.cli.reputation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dunshield.cli.ReputationCommand;
import org.dunshield.core.reputation.seed.SeedFormat;
import org.dunshield.core.reputation.seed.SeedReader;
import org.dunshield.core.screen.Category;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code reputation import FILE [--format csv|ftc|list]}: a seed list, all or nothing. */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = "Import a seed list (CSV number,category[,comment], FTC Do-Not-Call complaints, or a plain"
        + " list of numbers) all or nothing; its reporter is vouched.")
public final class SeedCommand implements Callable<Integer> {
  /** The largest seed file accepted. */
  static final long MAX_BYTES = 1L << 30;

  @ParentCommand ReputationCommand parent;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE") Path file;

  @Option(names = "--format", paramLabel = "csv|ftc|list", description = "Layout (default: detected from the first line).")
  String format;

  @Option(names = "--category", paramLabel = "C", defaultValue = "debt_collection",
      description = "Category of every number of a plain list (default ${DEFAULT-VALUE}).")
  String category;

  @Option(names = "--as", paramLabel = "REPORTER", description = "Reporter of the seeds (default seed:FILENAME).")
  String reporter;

  @Option(names = "--max-rows", paramLabel = "N", defaultValue = "5000000",
      description = "Refuse files with more data rows (default ${DEFAULT-VALUE}).")
  long maxRows;

  @Option(names = "--json") boolean json;

  @Override
  public Integer call() throws IOException {
    var app = parent.app();
    if (Files.size(file) > MAX_BYTES) {
      throw new IllegalArgumentException(file + ": larger than 1 GiB; split the file");
    }
    SeedFormat layout = format != null ? SeedFormat.fromCode(format) : detect(file);
    String who = reporter != null ? reporter : "seed:" + sanitise(file.getFileName().toString());
    var reputations = app.reputations();
    SeedReader.Options options = new SeedReader.Options(who, Category.fromCode(category), app.clock().instant(),
        maxRows, app.numbers());
    SeedReader.Batch batch;
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      batch = SeedReader.read(in, layout, file.toString(), options);
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new IllegalArgumentException(file + ": not UTF-8 text; nothing was imported");
    }
    int imported = reputations.importSeeds(batch.reports());
    if (json) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("imported", imported);
      doc.put("rows", batch.rows());
      doc.put("duplicates", batch.duplicates());
      doc.put("format", layout.code());
      doc.put("reporter", who);
      Print.json(spec, doc);
    } else {
      Print.line(spec, "imported " + imported + " numbers from " + batch.rows() + " rows (" + batch.duplicates()
          + " repeated) as " + layout.code() + ", reported by " + who);
    }
    return 0;
  }

  private static SeedFormat detect(Path file) throws IOException {
    try (BufferedReader in = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file),
        StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        String s = line.replace("\uFEFF", "").strip();
        if (!s.isEmpty() && !s.startsWith("#")) {
          return SeedFormat.detect(s);
        }
      }
    }
    return SeedFormat.LIST;
  }

  /** A reporter id from a file name: characters outside the id alphabet become '-'. */
  private static String sanitise(String name) {
    String s = name.replaceAll("[^A-Za-z0-9._:@+-]", "-");
    return s.length() > 59 ? s.substring(0, 59) : s;
  }
}
