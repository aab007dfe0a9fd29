package org.dunshield.core.carrier;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores findings against a network's truth. Numbers: a flag on an abusive number is a true
 * positive, a flag on a number used as a bombing source is neither (it did call abusively, but is
 * not one of the numbers to find), any other flag is a false positive; recall is over the abusive numbers,
 * per category too, with the detection delay (event time from the number's first call to the flag).
 * Legitimate high-volume numbers that were flagged are counted apart. Attacks: an attack is detected
 * when an alert for its target falls between its start and end, and counted "within 60 s" when the
 * alert's time is at most 60 s after the attack's first call; other alerts are false alerts.
 * Immutable result; the methods are thread-safe.
 */
public final class Scoring {
  /** The first flag of a number as read from a findings file. */
  public record Flag(long number, String category, long at) {}

  /** An attack alert as read from a findings file. */
  public record Alert(long target, long start, long at) {}

  /** Precision, recall and F1 with their counts, and delays in seconds (median, 95th percentile, max). */
  public record Figures(int truePositives, int falsePositives, int falseNegatives, double precision, double recall,
      double f1, double medianDelaySeconds, double p95DelaySeconds, double maxDelaySeconds) {}

  /** The whole report: numbers overall, per category, attacks, legitimate numbers flagged. */
  public record Report(Figures numbers, Map<String, Figures> categories, Figures attacks, int attacksWithin60s,
      int attackCount, int falseAlerts, int categoryMismatches, int legitimateFlagged, int legitimate, List<Long> legitimateFlaggedNumbers) {}

  private Scoring() {}

  /** Reads the number flags and attack alerts of a findings file (JSON lines). */
  public static void read(Path file, List<Flag> flags, List<Alert> alerts) {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String s;
      long line = 0;
      while ((s = in.readLine()) != null) {
        line++;
        if (s.isBlank()) {
          continue;
        }
        FlatJson o;
        try {
          o = FlatJson.parse(s);
        } catch (IllegalArgumentException e) {
          throw new CdrFormatException(file.toString(), line, null, e.getMessage());
        }
        String type = o.get("type");
        if ("number".equals(type)) {
          flags.add(new Flag(number(file, line, o, "number"), required(file, line, o, "category"),
              time(file, line, o, "at")));
        } else if ("attack".equals(type)) {
          alerts.add(new Alert(number(file, line, o, "target"), time(file, line, o, "start"), time(file, line, o, "at")));
        } else {
          throw new CdrFormatException(file.toString(), line, "type", "expected 'number' or 'attack', got '" + type + "'");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String required(Path file, long line, FlatJson o, String key) {
    String v = o.get(key);
    if (v == null) {
      throw new CdrFormatException(file.toString(), line, key, "missing");
    }
    return v;
  }

  private static long number(Path file, long line, FlatJson o, String key) {
    String v = required(file, line, o, key);
    long n = E164.parse(v, 0, v.length());
    if (n < 0) {
      throw new CdrFormatException(file.toString(), line, key, "'" + v + "' is not an E.164 number");
    }
    return n;
  }

  private static long time(Path file, long line, FlatJson o, String key) {
    String v = required(file, line, o, key);
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new CdrFormatException(file.toString(), line, key, "'" + v + "' is not epoch milliseconds");
    }
  }

  public static Report score(List<Flag> flags, List<Alert> alerts, List<Truth.Row> truth) {
    Map<Long, Truth.Row> abusive = new HashMap<>();
    Set<Long> sources = new HashSet<>();
    Set<Long> legitimate = new HashSet<>();
    List<Truth.Row> attackRows = new ArrayList<>();
    for (Truth.Row r : truth) {
      switch (r.kind()) {
        case ABUSIVE -> abusive.put(r.number(), r);
        case SOURCE -> sources.add(r.number());
        case LEGITIMATE -> legitimate.add(r.number());
        case ATTACK -> attackRows.add(r);
      }
    }
    Map<Long, Flag> first = new LinkedHashMap<>();
    for (Flag f : flags) {
      first.merge(f.number(), f, (a, b) -> a.at() <= b.at() ? a : b);
    }
    int tp = 0;
    int fp = 0;
    int mismatched = 0;
    List<Long> legitFlagged = new ArrayList<>();
    Map<String, int[]> byCategory = new LinkedHashMap<>();
    Map<String, List<Double>> delays = new LinkedHashMap<>();
    List<Double> allDelays = new ArrayList<>();
    for (Truth.Row r : abusive.values()) {
      byCategory.computeIfAbsent(r.category(), k -> new int[3])[2]++;
    }
    for (Flag f : first.values()) {
      Truth.Row r = abusive.get(f.number());
      if (r != null) {
        tp++;
        int[] c = byCategory.get(r.category());
        c[0]++;
        c[2]--;
        double d = Math.max(0, f.at() - r.start()) / 1000.0;
        allDelays.add(d);
        delays.computeIfAbsent(r.category(), k -> new ArrayList<>()).add(d);
        if (!r.category().equals(f.category())) {
          mismatched++;
        }
      } else if (sources.contains(f.number())) {
        continue;
      } else {
        fp++;
        byCategory.computeIfAbsent(f.category(), k -> new int[3])[1]++;
        if (legitimate.contains(f.number())) {
          legitFlagged.add(f.number());
        }
      }
    }
    int missed = abusive.size() - (int) first.keySet().stream().filter(abusive::containsKey).count();
    Figures numbers = figures(tp, fp, missed, allDelays);
    Map<String, Figures> categories = new LinkedHashMap<>();
    for (Map.Entry<String, int[]> e : byCategory.entrySet()) {
      int[] c = e.getValue();
      categories.put(e.getKey(), figures(c[0], c[1], c[2], delays.getOrDefault(e.getKey(), List.of())));
    }
    Map<Long, List<Alert>> alertsByTarget = new HashMap<>();
    for (Alert a : alerts) {
      alertsByTarget.computeIfAbsent(a.target(), k -> new ArrayList<>()).add(a);
    }
    Set<Alert> matched = new HashSet<>();
    int found = 0;
    int within = 0;
    List<Double> attackDelays = new ArrayList<>();
    for (Truth.Row r : attackRows) {
      Alert best = null;
      for (Alert a : alertsByTarget.getOrDefault(r.number(), List.of())) {
        if (a.at() >= r.start() && a.at() <= r.end() && (best == null || a.at() < best.at())) {
          best = a;
        }
      }
      if (best != null) {
        found++;
        double d = (best.at() - r.start()) / 1000.0;
        attackDelays.add(d);
        if (d <= 60) {
          within++;
        }
        for (Alert a : alertsByTarget.get(r.number())) {
          if (a.at() >= r.start() && a.at() <= r.end()) {
            matched.add(a);
          }
        }
      }
    }
    int falseAlerts = 0;
    for (Alert a : alerts) {
      if (!matched.contains(a)) {
        falseAlerts++;
      }
    }
    Figures attackFigures = figures(matched.size(), falseAlerts, attackRows.size() - found, attackDelays);
    categories.put("call_bombing", attackFigures);
    return new Report(numbers, categories, attackFigures, within, attackRows.size(), falseAlerts, mismatched,
        legitFlagged.size(),
        legitimate.size(), legitFlagged);
  }

  private static Figures figures(int tp, int fp, int fn, List<Double> delays) {
    double precision = tp + fp == 0 ? 1 : (double) tp / (tp + fp);
    double recall = tp + fn == 0 ? 1 : (double) tp / (tp + fn);
    double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    double[] d = delays.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return new Figures(tp, fp, fn, precision, recall, f1, percentile(d, 0.5), percentile(d, 0.95),
        d.length == 0 ? 0 : d[d.length - 1]);
  }

  private static double percentile(double[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1 < 0 ? 0
        : (int) Math.ceil(p * sorted.length) - 1)];
  }

  /** The report as one JSON object (the {@code cdr score --json} shape). */
  public static String toJson(Report r) {
    StringBuilder b = new StringBuilder();
    b.append("{\"precision\":").append(round(r.numbers().precision())).append(",\"recall\":")
        .append(round(r.numbers().recall())).append(",\"f1\":").append(round(r.numbers().f1()))
        .append(",\"legitimate_flagged\":").append(r.legitimateFlagged()).append(",\"legitimate\":")
        .append(r.legitimate()).append(",\"flags\":{").append(counts(r.numbers())).append('}')
        .append(",\"attacks\":{\"total\":").append(r.attackCount()).append(",\"detected\":")
        .append(r.attackCount() - r.attacks().falseNegatives()).append(",\"within_60s\":").append(r.attacksWithin60s())
        .append(",\"false_alerts\":").append(r.falseAlerts()).append("},\"category_mismatches\":")
        .append(r.categoryMismatches()).append(",\"categories\":{");
    boolean firstCategory = true;
    for (Map.Entry<String, Figures> e : r.categories().entrySet()) {
      Figures f = e.getValue();
      b.append(firstCategory ? "" : ",").append(FlatJson.quote(e.getKey())).append(":{\"precision\":")
          .append(round(f.precision())).append(",\"recall\":").append(round(f.recall())).append(",\"f1\":")
          .append(round(f.f1())).append(',').append(counts(f)).append(",\"delay_s\":{\"median\":")
          .append(round(f.medianDelaySeconds())).append(",\"p95\":").append(round(f.p95DelaySeconds()))
          .append(",\"max\":").append(round(f.maxDelaySeconds())).append("}}");
      firstCategory = false;
    }
    b.append("},\"legitimate_flagged_numbers\":[");
    for (int i = 0; i < r.legitimateFlaggedNumbers().size(); i++) {
      b.append(i == 0 ? "\"+" : ",\"+").append(r.legitimateFlaggedNumbers().get(i)).append('"');
    }
    return b.append("]}").toString();
  }

  private static String counts(Figures f) {
    return "\"true_positives\":" + f.truePositives() + ",\"false_positives\":" + f.falsePositives()
        + ",\"false_negatives\":" + f.falseNegatives();
  }

  private static double round(double v) {
    return Math.round(v * 10000) / 10000.0;
  }
}
