package org.dunshield.core.classify;

import java.util.Arrays;

/**
 * Message templates: the normalised text of an SMS (numbers, amounts and links replaced by markers
 * of their shape, see {@link TextFeatures}) and its set of character 3-grams, so that two messages
 * sent from one template with other names, amounts or links compare as near-equal. Stateless.
 */
public final class Shingles {
  private Shingles() {}

  /** The normalised text: two messages of one template with the same name have equal skeletons. */
  public static String skeleton(String text) {
    char[] folded = new char[TextFeatures.MAX_CHARS];
    char[] normal = new char[TextFeatures.MAX_CHARS + 2];
    int n = TextFeatures.normalise(folded, TextFeatures.fold(text == null ? "" : text, folded), normal);
    return new String(normal, 1, n - 2);
  }

  /** The distinct character 3-grams of the normalised text, sorted. */
  public static long[] of(String text) {
    char[] folded = new char[TextFeatures.MAX_CHARS];
    char[] normal = new char[TextFeatures.MAX_CHARS + 2];
    int m = TextFeatures.normalise(folded, TextFeatures.fold(text == null ? "" : text, folded), normal);
    long[] g = new long[Math.max(0, m - 2)];
    for (int j = 2; j < m; j++) {
      g[j - 2] = ((long) normal[j - 2] << 32) | ((long) normal[j - 1] << 16) | normal[j];
    }
    return Arrays.stream(g).distinct().sorted().toArray();
  }

  /** The Jaccard similarity of two sorted 3-gram sets, between 0 and 1. */
  public static double similarity(long[] a, long[] b) {
    int i = 0;
    int j = 0;
    int both = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        both++;
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    int union = a.length + b.length - both;
    return union == 0 ? 1 : (double) both / union;
  }
}
