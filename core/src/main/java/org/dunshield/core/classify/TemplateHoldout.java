package org.dunshield.core.classify;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * A harder test than the held-out split: {@code collection-zh} is composed from a limited set of
 * sentence patterns, so a random split leaves every pattern on both sides. Here messages of one
 * category whose normalised character 3-grams overlap by at least {@value #SIMILAR} (Jaccard) are
 * joined into one template group, the groups are dealt into folds, and each fold is classified by a
 * model trained without it (but with the other data sets' training splits): every test message comes
 * from a pattern the model never saw. Stateless.
 */
public final class TemplateHoldout {
  static final double SIMILAR = 0.4;

  private TemplateHoldout() {}

  /** The template group of each {@code collection-zh} sample, as the index of its group's first member. */
  static int[] groups(List<Sample> samples) {
    int n = samples.size();
    long[][] grams = new long[n][];
    for (int i = 0; i < n; i++) {
      grams[i] = Shingles.of(samples.get(i).text());
    }
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        if (samples.get(i).label() == samples.get(j).label() && Shingles.similarity(grams[i], grams[j]) >= SIMILAR) {
          int a = find(parent, i);
          int b = find(parent, j);
          parent[Math.max(a, b)] = Math.min(a, b);
        }
      }
    }
    int[] group = new int[n];
    for (int i = 0; i < n; i++) {
      group[i] = find(parent, i);
    }
    return group;
  }

  /**
   * Trains {@code folds} models, each without one fold of template groups, and tallies how each
   * classified the fold it never saw.
   */
  public static Evaluation run(List<Sample> corpus, ClassifierTraining.Options options, SmsPolicy policy, int folds) {
    List<Sample> templated = corpus.stream().filter(s -> s.source().equals(Corpus.COLLECTION_ZH)).toList();
    List<Sample> others = corpus.stream().filter(s -> !s.source().equals(Corpus.COLLECTION_ZH) && !s.heldOut()).toList();
    int[] group = groups(templated);
    int[] fold = new int[templated.size()];
    for (int i = 0; i < fold.length; i++) {
      CRC32 crc = new CRC32();
      crc.update(templated.get(group[i]).text().getBytes(StandardCharsets.UTF_8));
      fold[i] = (int) (crc.getValue() % folds);
    }
    List<Classified> results = new ArrayList<>();
    for (int k = 0; k < folds; k++) {
      List<Sample> train = new ArrayList<>(others);
      List<Sample> test = new ArrayList<>();
      for (int i = 0; i < fold.length; i++) {
        (fold[i] == k ? test : train).add(templated.get(i));
      }
      if (test.isEmpty()) {
        continue;
      }
      SmsClassifier model = ClassifierTraining.train(train, options, Map.of("model-version", "template-fold-" + k));
      for (Sample s : test) {
        results.add(new Classified(s, model.classify(s.text())));
      }
    }
    return Evaluation.of(results, policy);
  }

  /** How many template groups each category has. */
  public static Map<String, Integer> groupCounts(List<Sample> corpus) {
    List<Sample> templated = corpus.stream().filter(s -> s.source().equals(Corpus.COLLECTION_ZH)).toList();
    int[] group = groups(templated);
    Map<String, Integer> counts = new java.util.LinkedHashMap<>();
    for (int i = 0; i < group.length; i++) {
      if (group[i] == i) {
        counts.merge(templated.get(i).label().code(), 1, Integer::sum);
      }
    }
    return counts;
  }

  record Classified(Sample sample, Classification result) {}

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }
}
