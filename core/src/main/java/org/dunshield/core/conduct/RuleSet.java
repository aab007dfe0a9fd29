package org.dunshield.core.conduct;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.dunshield.core.event.Channel;
import org.dunshield.core.screen.Category;
import org.dunshield.core.screen.Reason;

/**
 * A set of collection conduct rules, read from a {@code .rules} data file: header lines
 * {@code key: value} ({@code id}, {@code title.en}, {@code title.zh}, {@code scope}), then one
 * {@code [name]} section per rule with its {@code kind}, parameters and {@code text.en}/{@code text.zh}.
 * Lines starting with {@code #} are comments. Immutable.
 */
public record RuleSet(String id, Reason title, String scope, List<ConductRule> rules) {
  public RuleSet {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    scope = scope == null ? "" : scope;
    rules = List.copyOf(rules);
  }

  /** The ids of the rule sets Dunshield ships, in file order. */
  public static List<String> shipped() {
    try (InputStream in = RuleSet.class.getResourceAsStream("rule-sets.txt")) {
      if (in == null) {
        throw new IllegalStateException("rule-sets.txt missing from the classpath");
      }
      List<String> ids = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          ids.add(line.strip());
        }
      }
      return List.copyOf(ids);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A shipped rule set by id.
   *
   * @throws IllegalArgumentException naming the known ids when there is no such set
   */
  public static RuleSet load(String id) {
    String wanted = id.strip().toLowerCase(Locale.ROOT);
    if (!shipped().contains(wanted)) {
      throw new IllegalArgumentException("unknown rule set '" + id + "'; expected one of " + shipped());
    }
    try (InputStream in = RuleSet.class.getResourceAsStream(wanted + ".rules")) {
      return parse(wanted + ".rules", in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses a rule set file; {@code name} is used in error messages. */
  public static RuleSet parse(String name, InputStream in) throws IOException {
    Map<String, String> header = new LinkedHashMap<>();
    List<Map<String, String>> sections = new ArrayList<>();
    Map<String, String> current = header;
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String line;
    int lineNo = 0;
    while ((line = reader.readLine()) != null) {
      lineNo++;
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("#")) {
        continue;
      }
      if (t.startsWith("[") && t.endsWith("]")) {
        current = new LinkedHashMap<>();
        current.put("name", t.substring(1, t.length() - 1).strip());
        current.put("line", Integer.toString(lineNo));
        sections.add(current);
        continue;
      }
      int colon = t.indexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException(name + " line " + lineNo + ": expected 'key: value' or '[rule]'");
      }
      current.put(t.substring(0, colon).strip(), t.substring(colon + 1).strip());
    }
    String id = require(name, header, "id", 0);
    List<ConductRule> rules = new ArrayList<>();
    for (Map<String, String> s : sections) {
      rules.add(rule(name, s));
    }
    return new RuleSet(id, new Reason(header.getOrDefault("title.zh", id), header.getOrDefault("title.en", id)),
        header.get("scope"), rules);
  }

  private static ConductRule rule(String file, Map<String, String> s) {
    int line = Integer.parseInt(s.get("line"));
    String name = s.get("name");
    Reason text = new Reason(require(file, s, "text.zh", line), require(file, s, "text.en", line));
    String kind = require(file, s, "kind", line);
    try {
      return switch (kind) {
        case "forbidden-hours" -> new ConductRule.ForbiddenHours(name, text, time(s.get("from")), time(s.get("to")),
            channels(require(file, s, "channels", line)));
        case "calls-per-day" -> new ConductRule.CallsPerDay(name, text, Integer.parseInt(require(file, s, "max", line)),
            ConductRule.Count.valueOf(s.getOrDefault("count", "all").toUpperCase(Locale.ROOT)),
            per(s.getOrDefault("per", "all")));
        case "calls-in-period" -> new ConductRule.CallsInPeriod(name, text, Integer.parseInt(require(file, s, "max", line)),
            Integer.parseInt(require(file, s, "days", line)), per(s.getOrDefault("per", "collector")));
        case "after-conversation" -> new ConductRule.AfterConversation(name, text,
            Integer.parseInt(require(file, s, "days", line)));
        case "third-party" -> new ConductRule.ThirdParty(name, text, ConductRule.ThirdParty.Mode.valueOf(
            require(file, s, "mode", line).toUpperCase(Locale.ROOT).replace('-', '_')));
        case "content" -> new ConductRule.Content(name, text, categories(require(file, s, "categories", line)));
        default -> throw new IllegalArgumentException("unknown kind '" + kind + "'");
      };
    } catch (IllegalArgumentException | DateTimeParseException | NullPointerException e) {
      throw new IllegalArgumentException(file + " rule [" + name + "] (line " + line + "): " + e.getMessage(), e);
    }
  }

  private static String require(String file, Map<String, String> s, String key, int line) {
    String v = s.get(key);
    if (v == null || v.isEmpty()) {
      throw new IllegalArgumentException(file + (line > 0 ? " rule at line " + line : "") + ": missing '" + key + "'");
    }
    return v;
  }

  private static LocalTime time(String v) {
    return LocalTime.parse(Objects.requireNonNull(v, "missing 'from' or 'to'"));
  }

  private static ConductRule.Per per(String v) {
    return ConductRule.Per.valueOf(v.toUpperCase(Locale.ROOT));
  }

  private static Set<Channel> channels(String v) {
    Set<Channel> out = EnumSet.noneOf(Channel.class);
    for (String c : v.split(",")) {
      out.add(Channel.fromCode(c.strip()));
    }
    return out;
  }

  private static Set<Category> categories(String v) {
    Set<Category> out = EnumSet.noneOf(Category.class);
    for (String c : v.split(",")) {
      out.add(Category.fromCode(c.strip()));
    }
    return out;
  }
}
