package org.dunshield.core.classify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Trains an {@link SmsClassifier}: multinomial logistic regression (softmax) fitted by stochastic
 * gradient descent with AdaGrad step sizes and L2 regularisation, over the unit-length feature
 * vectors of {@link TextFeatures}. The sample order is shuffled with a fixed seed and the arithmetic
 * runs in a fixed order, so the same samples and options give the same model, bit for bit.
 */
public final class ClassifierTraining {
  /**
   * Training settings.
   *
   * @param bucketBits the feature hash has {@code 2^bucketBits} buckets
   * @param epochs passes over the samples
   * @param learningRate AdaGrad's base step
   * @param l2 L2 penalty per update
   * @param seed seed of the shuffle
   */
  public record Options(int bucketBits, int epochs, double learningRate, double l2, long seed) {
    public Options {
      if (epochs < 1 || learningRate <= 0 || l2 < 0) {
        throw new IllegalArgumentException("epochs must be positive, learning rate positive, l2 not negative");
      }
    }

    public static Options defaults() {
      return new Options(16, 12, 0.3, 1e-6, 20261014L);
    }
  }

  private static final int K = SmsClassifier.CATEGORIES.size();

  private ClassifierTraining() {}

  /**
   * Trains on {@code samples} (all of them: filter out held-out ones first) and returns the model
   * exactly as it would be written and read back. {@code description} goes into the model header
   * (version, data, date, ...).
   */
  public static SmsClassifier train(List<Sample> samples, Options options, Map<String, String> description) {
    if (samples.isEmpty()) {
      throw new IllegalArgumentException("nothing to train on");
    }
    TextFeatures features = new TextFeatures(Lexicon.standard(), options.bucketBits());
    TextFeatures.Scratch scratch = new TextFeatures.Scratch();
    List<int[]> vectors = new ArrayList<>(samples.size());
    int[] labels = new int[samples.size()];
    for (int i = 0; i < samples.size(); i++) {
      Sample s = samples.get(i);
      int n = features.extract(s.text(), scratch);
      vectors.add(java.util.Arrays.copyOf(scratch.buckets, n));
      labels[i] = SmsClassifier.CATEGORIES.indexOf(s.label());
    }
    float[] w = new float[K << options.bucketBits()];
    float[] g2 = new float[w.length];
    float[] bias = new float[K];
    float[] biasG2 = new float[K];
    int[] order = new int[samples.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    SplittableRandom random = new SplittableRandom(options.seed());
    float lr = (float) options.learningRate();
    float l2 = (float) options.l2();
    double[] score = new double[K];
    float[] grad = new float[K];
    for (int epoch = 0; epoch < options.epochs(); epoch++) {
      shuffle(order, random);
      for (int index : order) {
        int[] x = vectors.get(index);
        if (x.length == 0) {
          continue;
        }
        float scale = (float) (1 / Math.sqrt(x.length));
        java.util.Arrays.fill(score, 0);
        for (int f : x) {
          int o = f * K;
          for (int k = 0; k < K; k++) {
            score[k] += w[o + k];
          }
        }
        for (int k = 0; k < K; k++) {
          score[k] = bias[k] + score[k] * scale;
        }
        double[] p = SmsClassifier.softmax(score);
        for (int k = 0; k < K; k++) {
          grad[k] = (float) p[k] - (k == labels[index] ? 1f : 0f);
          biasG2[k] += grad[k] * grad[k];
          bias[k] -= lr * grad[k] / ((float) Math.sqrt(biasG2[k]) + 1e-6f);
        }
        for (int f : x) {
          int o = f * K;
          for (int k = 0; k < K; k++) {
            float g = grad[k] * scale + l2 * w[o + k];
            g2[o + k] += g * g;
            w[o + k] -= lr * g / ((float) Math.sqrt(g2[o + k]) + 1e-6f);
          }
        }
      }
    }
    Map<String, String> header = new LinkedHashMap<>(description);
    header.put("samples", Integer.toString(samples.size()));
    header.put("features", "character 1-3 grams of the normalised text, lexicon group counts, one-time-code flag");
    header.put("training", "softmax regression, AdaGrad, epochs " + options.epochs() + ", learning rate "
        + options.learningRate() + ", l2 " + options.l2() + ", seed " + options.seed());
    return new SmsClassifier(Map.of(), features, bias, w).quantised(header);
  }

  private static void shuffle(int[] a, SplittableRandom random) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }
}
