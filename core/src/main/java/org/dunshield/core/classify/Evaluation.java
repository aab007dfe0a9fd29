package org.dunshield.core.classify;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.dunshield.core.screen.Action;
import org.dunshield.core.screen.Category;

/**
 * How a classifier did on a set of labelled samples: the confusion matrix, accuracy, precision and
 * recall per category, and what the {@link SmsPolicy} would have blocked. Immutable.
 */
public final class Evaluation {
  private static final List<Category> C = SmsClassifier.CATEGORIES;
  private final long[][] confusion = new long[C.size()][C.size()];
  private final long[] blocked = new long[C.size()];

  /** A two-class view: "positive" is anything outside the benign categories. */
  public record Binary(long truePositive, long falsePositive, long falseNegative, long trueNegative) {
    public long total() {
      return truePositive + falsePositive + falseNegative + trueNegative;
    }

    public double accuracy() {
      return ratio(truePositive + trueNegative, total());
    }

    public double precision() {
      return ratio(truePositive, truePositive + falsePositive);
    }

    public double recall() {
      return ratio(truePositive, truePositive + falseNegative);
    }
  }

  private Evaluation() {}

  /** Classifies every sample and tallies the results. */
  public static Evaluation of(SmsClassifier classifier, SmsPolicy policy, Collection<Sample> samples) {
    Evaluation e = new Evaluation();
    for (Sample s : samples) {
      e.add(s, classifier.classify(s.text()), policy);
    }
    return e;
  }

  static Evaluation of(List<TemplateHoldout.Classified> results, SmsPolicy policy) {
    Evaluation e = new Evaluation();
    for (TemplateHoldout.Classified r : results) {
      e.add(r.sample(), r.result(), policy);
    }
    return e;
  }

  private void add(Sample s, Classification c, SmsPolicy policy) {
    int truth = C.indexOf(s.label());
    confusion[truth][C.indexOf(c.category())]++;
    if (policy.actionFor(c, s.text()) == Action.BLOCK) {
      blocked[truth]++;
    }
  }

  /** {@code [true category][predicted category]}, both in {@link SmsClassifier#CATEGORIES} order. */
  public long[][] confusion() {
    long[][] copy = new long[C.size()][];
    for (int i = 0; i < copy.length; i++) {
      copy[i] = confusion[i].clone();
    }
    return copy;
  }

  public long total() {
    long n = 0;
    for (long[] row : confusion) {
      for (long v : row) {
        n += v;
      }
    }
    return n;
  }

  public long support(Category truth) {
    long n = 0;
    for (long v : confusion[C.indexOf(truth)]) {
      n += v;
    }
    return n;
  }

  public double accuracy() {
    long right = 0;
    for (int i = 0; i < C.size(); i++) {
      right += confusion[i][i];
    }
    return ratio(right, total());
  }

  public double recall(Category c) {
    int i = C.indexOf(c);
    return ratio(confusion[i][i], support(c));
  }

  public double precision(Category c) {
    int j = C.indexOf(c);
    long predicted = 0;
    for (long[] row : confusion) {
      predicted += row[j];
    }
    return ratio(confusion[j][j], predicted);
  }

  /** How many samples of {@code truth} the policy blocked. */
  public long blocked(Category truth) {
    return blocked[C.indexOf(truth)];
  }

  /** The share of {@code truth} samples the policy blocked. */
  public double blockedShare(Category truth) {
    return ratio(blocked(truth), support(truth));
  }

  /** Two classes: {@code benign} categories against all others. */
  public Binary binary(Set<Category> benign) {
    long tp = 0;
    long fp = 0;
    long fn = 0;
    long tn = 0;
    for (int i = 0; i < C.size(); i++) {
      for (int j = 0; j < C.size(); j++) {
        boolean truePositive = !benign.contains(C.get(i));
        boolean predictedPositive = !benign.contains(C.get(j));
        long n = confusion[i][j];
        if (truePositive && predictedPositive) {
          tp += n;
        } else if (predictedPositive) {
          fp += n;
        } else if (truePositive) {
          fn += n;
        } else {
          tn += n;
        }
      }
    }
    return new Binary(tp, fp, fn, tn);
  }

  /** The figures as ordered maps, for JSON. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("samples", total());
    m.put("accuracy", round(accuracy()));
    Map<String, Object> perClass = new LinkedHashMap<>();
    for (Category c : C) {
      if (support(c) == 0 && precision(c) == 0) {
        continue;
      }
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("support", support(c));
      row.put("precision", round(precision(c)));
      row.put("recall", round(recall(c)));
      row.put("blocked", blocked(c));
      perClass.put(c.code(), row);
    }
    m.put("classes", perClass);
    Map<String, Object> matrix = new LinkedHashMap<>();
    for (int i = 0; i < C.size(); i++) {
      if (support(C.get(i)) == 0) {
        continue;
      }
      Map<String, Object> row = new LinkedHashMap<>();
      for (int j = 0; j < C.size(); j++) {
        row.put(C.get(j).code(), confusion[i][j]);
      }
      matrix.put(C.get(i).code(), row);
    }
    m.put("confusion", matrix);
    return m;
  }

  /** A plain-text report: per-class precision and recall, then the confusion matrix. */
  public String table() {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "accuracy %.2f %% of %d%n", 100 * accuracy(), total()));
    b.append(String.format(Locale.ROOT, "%-18s %8s %10s %8s %8s%n", "category", "support", "precision", "recall", "blocked"));
    for (Category c : C) {
      b.append(String.format(Locale.ROOT, "%-18s %8d %9.2f%% %7.2f%% %8d%n", c.code(), support(c),
          100 * precision(c), 100 * recall(c), blocked(c)));
    }
    b.append("confusion (rows: true, columns: predicted)\n");
    b.append(String.format(Locale.ROOT, "%-18s", ""));
    for (Category c : C) {
      b.append(String.format(Locale.ROOT, " %6s", abbreviation(c)));
    }
    b.append('\n');
    for (int i = 0; i < C.size(); i++) {
      b.append(String.format(Locale.ROOT, "%-18s", C.get(i).code()));
      for (int j = 0; j < C.size(); j++) {
        b.append(String.format(Locale.ROOT, " %6d", confusion[i][j]));
      }
      b.append('\n');
    }
    return b.toString();
  }

  private static String abbreviation(Category c) {
    return switch (c) {
      case DEBT_COLLECTION -> "debt";
      case VERIFICATION_CODE -> "code";
      case MARKETING -> "market";
      default -> c.code();
    };
  }

  private static double ratio(long a, long b) {
    return b == 0 ? 0 : (double) a / b;
  }

  private static double round(double v) {
    return Math.round(v * 10000) / 10000.0;
  }
}
