package org.dunshield.cli.reputation;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dunshield.cli.ReputationCommand;
import org.dunshield.core.reputation.offline.Publication;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code reputation snapshot --out FILE}: the local reputation as an offline snapshot (docs/reputation.md). */
@Command(name = "snapshot", mixinStandardHelpOptions = true,
    description = "Write the reputation as a binary snapshot for offline screening (what a server publishes).")
public final class SnapshotCommand implements Callable<Integer> {
  @ParentCommand ReputationCommand parent;
  @Spec CommandSpec spec;

  @Option(names = "--out", required = true, paramLabel = "FILE") Path out;

  @Option(names = "--json") boolean json;

  @Override
  public Integer call() throws IOException {
    var app = parent.app();
    Publication p = Publication.of(app.reputations(), app.clock().instant());
    write(p, out);
    if (json) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("version", p.version());
      doc.put("numbers", p.size());
      doc.put("blocks", p.blocks());
      doc.put("out", out.toString());
      doc.put("bytes", Files.size(out));
      Print.json(spec, doc);
    } else {
      Print.line(spec, "wrote snapshot version " + p.version() + ": " + p.size() + " numbers, " + p.blocks()
          + " blocks, " + Files.size(out) + " bytes to " + out);
    }
    return 0;
  }

  /** Writes {@code p} to {@code file} atomically. */
  static void write(Publication p, Path file) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, ".snapshot", ".tmp");
    try (OutputStream o = Files.newOutputStream(tmp)) {
      p.writeSnapshot(o);
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
