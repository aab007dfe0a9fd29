package org.dunshield.cli.reputation;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dunshield.cli.ReputationCommand;
import org.dunshield.core.number.PhoneNumber;
import org.dunshield.core.reputation.interop.Blocklist;
import org.dunshield.core.reputation.interop.BlocklistWriter;
import org.dunshield.core.reputation.interop.ExportFormat;
import org.dunshield.core.rule.MatchKind;
import org.dunshield.core.rule.Rule;
import org.dunshield.core.screen.Action;
import org.dunshield.core.screen.Category;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code reputation export --format F --out FILE}: the blocklist in another blocker's layout. */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = "Export the settled harmful numbers and blocks (or your own block rules) for another blocker.")
public final class ExportCommand implements Callable<Integer> {
  @ParentCommand ReputationCommand parent;
  @Spec CommandSpec spec;

  @Option(names = "--format", required = true, paramLabel = "spamblocker|yacb|callattendant|e164|vcard")
  String format;

  @Option(names = "--out", required = true, paramLabel = "FILE") Path out;

  @Option(names = "--source", paramLabel = "reputation|rules", defaultValue = "reputation",
      description = "What to export: the reputation (default) or your block rules (exact numbers and prefixes).")
  String source;

  @Option(names = "--json") boolean json;

  @Override
  public Integer call() throws IOException {
    var app = parent.app();
    ExportFormat f = ExportFormat.fromCode(format);
    Blocklist list = switch (source) {
      case "reputation" -> {
        var reputations = app.reputations();
        yield Blocklist.of(reputations, app.clock().instant(), reputations.policy().threshold());
      }
      case "rules" -> fromRules(app.database().rules().list(), app.numbers(), app.clock().instant());
      default -> throw new IllegalArgumentException("--source must be reputation or rules, got '" + source + "'");
    };
    Path parentDir = out.toAbsolutePath().getParent();
    Files.createDirectories(parentDir);
    Path tmp = Files.createTempFile(parentDir, ".export", ".tmp");
    try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      BlocklistWriter.write(f, list, w, app.clock().instant());
    }
    Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    if (json) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("format", f.code());
      doc.put("out", out.toString());
      doc.put("numbers", list.numbers().size());
      doc.put("prefixes", list.prefixes().size());
      Print.json(spec, doc);
    } else {
      Print.line(spec, "wrote " + list.numbers().size() + " numbers and " + list.prefixes().size() + " blocks to "
          + out + " (" + f.code() + ")");
    }
    return 0;
  }

  /** Block rules as a blocklist: exact numbers, and prefixes written as prefix or as "DIGITS*" wildcards. */
  static Blocklist fromRules(List<Rule> rules, org.dunshield.core.number.NumberParser numbers, java.time.Instant now) {
    List<Blocklist.Entry> entries = new ArrayList<>();
    List<Blocklist.Prefix> prefixes = new ArrayList<>();
    for (Rule r : rules) {
      if (r.action() != Action.BLOCK) {
        continue;
      }
      Category category = categoryOf(r.label());
      String p = r.pattern();
      if (r.kind() == MatchKind.EXACT) {
        PhoneNumber n = numbers.parse(p);
        entries.add(new Blocklist.Entry(n, category, 0, now));
      } else if ((r.kind() == MatchKind.PREFIX || r.kind() == MatchKind.WILDCARD) && p.startsWith("+")) {
        String digits = r.kind() == MatchKind.WILDCARD && p.endsWith("*") ? p.substring(1, p.length() - 1) : p.substring(1);
        if (!digits.isEmpty() && digits.chars().allMatch(Character::isDigit)
            && (r.kind() == MatchKind.PREFIX || p.indexOf('*') == p.length() - 1)) {
          prefixes.add(new Blocklist.Prefix(digits, -1, category, 0));
        }
      }
    }
    return new Blocklist(entries, prefixes);
  }

  private static Category categoryOf(String label) {
    try {
      return label.isBlank() ? Category.DEBT_COLLECTION : Category.fromCode(label);
    } catch (IllegalArgumentException notACategory) {
      return Category.DEBT_COLLECTION;
    }
  }
}
