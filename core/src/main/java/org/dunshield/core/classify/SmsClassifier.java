package org.dunshield.core.classify;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.dunshield.core.screen.Category;

/**
 * The SMS classifier: multinomial logistic regression over hashed character n-grams and lexicon
 * features (see {@link TextFeatures}), for Chinese and English, with the categories
 * {@link #CATEGORIES}. The trained model ships as the resource {@code sms-classifier.model}; it is
 * rebuilt with {@code dunshield classify train} ({@link ClassifierTraining}).
 *
 * <p>Model file format ({@value #MAGIC}): UTF-8 header lines {@code key: value}, the first being the
 * magic line, ended by an empty line; then a gzip stream of big-endian numbers: one {@code float32}
 * bias per class, then {@code 2^bucket-bits × classes} {@code int16} weights, bucket-major, each
 * multiplied by the header's {@code weight-scale}. {@code weights-sha256} is the SHA-256 of the
 * uncompressed body; {@code lexicon-sha256} must match the lexicon on the classpath.
 *
 * <p>Immutable and thread-safe.
 */
public final class SmsClassifier {
  /** The categories the classifier tells apart, in model order. */
  public static final List<Category> CATEGORIES = List.of(Category.DEBT_COLLECTION, Category.THREAT, Category.FRAUD,
      Category.MARKETING, Category.VERIFICATION_CODE, Category.NORMAL);

  static final String MAGIC = "dunshield-sms-model 1";
  static final String RESOURCE = "sms-classifier.model";
  private static final int K = 6;

  private final Map<String, String> header;
  private final TextFeatures features;
  private final float[] bias;
  private final float[] weights;
  private final ThreadLocal<TextFeatures.Scratch> scratch = ThreadLocal.withInitial(TextFeatures.Scratch::new);

  SmsClassifier(Map<String, String> header, TextFeatures features, float[] bias, float[] weights) {
    if (bias.length != K || weights.length != (K << features.bits())) {
      throw new IllegalArgumentException("weights do not fit " + features.bits() + " bucket bits and " + K + " classes");
    }
    this.header = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(header));
    this.features = features;
    this.bias = bias;
    this.weights = weights;
  }

  private static final class Shipped {
    static final SmsClassifier MODEL = load();

    private static SmsClassifier load() {
      try (InputStream in = SmsClassifier.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(RESOURCE + " missing from the classpath");
        }
        return read(in);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + RESOURCE, e);
      }
    }
  }

  /** The model shipped with Dunshield, loaded once. */
  public static SmsClassifier standard() {
    return Shipped.MODEL;
  }

  /** The header of the model file (version, training data, date, ...). */
  public Map<String, String> header() {
    return header;
  }

  /** The most likely category of {@code text} and its probability. */
  public Classification classify(String text) {
    double[] p = probabilities(text);
    int best = 0;
    for (int k = 1; k < K; k++) {
      if (p[k] > p[best]) {
        best = k;
      }
    }
    return new Classification(CATEGORIES.get(best), p[best]);
  }

  /** The probability of each of {@link #CATEGORIES}, in that order. */
  public double[] probabilities(String text) {
    TextFeatures.Scratch s = scratch.get();
    int n = features.extract(text == null ? "" : text, s);
    double[] score = new double[K];
    scores(s.buckets, n, score);
    return softmax(score);
  }

  void scores(int[] buckets, int n, double[] score) {
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    float s4 = 0;
    float s5 = 0;
    float[] w = weights;
    for (int i = 0; i < n; i++) {
      int o = buckets[i] * K;
      s0 += w[o];
      s1 += w[o + 1];
      s2 += w[o + 2];
      s3 += w[o + 3];
      s4 += w[o + 4];
      s5 += w[o + 5];
    }
    double scale = n == 0 ? 0 : 1 / Math.sqrt(n);
    score[0] = bias[0] + s0 * scale;
    score[1] = bias[1] + s1 * scale;
    score[2] = bias[2] + s2 * scale;
    score[3] = bias[3] + s3 * scale;
    score[4] = bias[4] + s4 * scale;
    score[5] = bias[5] + s5 * scale;
  }

  static double[] softmax(double[] score) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : score) {
      max = Math.max(max, v);
    }
    double sum = 0;
    double[] p = new double[score.length];
    for (int k = 0; k < score.length; k++) {
      p[k] = Math.exp(score[k] - max);
      sum += p[k];
    }
    for (int k = 0; k < score.length; k++) {
      p[k] /= sum;
    }
    return p;
  }

  TextFeatures features() {
    return features;
  }

  // ---- the model file

  /**
   * Reads a model file.
   *
   * @throws IllegalArgumentException when it is not a model file, or was trained with another lexicon
   */
  public static SmsClassifier read(InputStream in) throws IOException {
    Map<String, String> header = new LinkedHashMap<>();
    String magic = readLine(in);
    if (!MAGIC.equals(magic)) {
      throw new IllegalArgumentException("not a Dunshield SMS model (expected '" + MAGIC + "' on the first line)");
    }
    for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
      int colon = line.indexOf(": ");
      if (colon < 0) {
        throw new IllegalArgumentException("model header line '" + line + "' is not 'key: value'");
      }
      header.put(line.substring(0, colon), line.substring(colon + 2));
    }
    int bits = Integer.parseInt(required(header, "bucket-bits"));
    if (!String.join(" ", CATEGORIES.stream().map(Category::code).toList()).equals(required(header, "classes"))) {
      throw new IllegalArgumentException("model classes '" + header.get("classes") + "' are not " + CATEGORIES);
    }
    Lexicon lexicon = Lexicon.standard();
    if (!lexicon.sha256().equals(required(header, "lexicon-sha256"))) {
      throw new IllegalArgumentException("the model was trained with another lexicon.tsv: retrain it");
    }
    float scale = Float.parseFloat(required(header, "weight-scale"));
    byte[] body = new GZIPInputStream(in).readAllBytes();
    if (!sha256(body).equals(required(header, "weights-sha256"))) {
      throw new IllegalArgumentException("model weights are damaged (checksum mismatch)");
    }
    DataInputStream data = new DataInputStream(new java.io.ByteArrayInputStream(body));
    float[] bias = new float[K];
    for (int k = 0; k < K; k++) {
      bias[k] = data.readFloat();
    }
    float[] weights = new float[K << bits];
    try {
      for (int i = 0; i < weights.length; i++) {
        weights[i] = data.readShort() * scale;
      }
    } catch (EOFException e) {
      throw new IllegalArgumentException("model weights are truncated", e);
    }
    return new SmsClassifier(header, new TextFeatures(lexicon, bits), bias, weights);
  }

  /** Writes this model in the format {@link #read(InputStream)} reads. */
  public void write(OutputStream out) throws IOException {
    out.write(headerText().getBytes(StandardCharsets.UTF_8));
    GZIPOutputStream zip = new GZIPOutputStream(out);
    zip.write(body(quantisationScale()));
    zip.finish();
    out.flush();
  }

  private String headerText() {
    StringBuilder b = new StringBuilder(MAGIC).append('\n');
    header.forEach((k, v) -> b.append(k).append(": ").append(v).append('\n'));
    return b.append('\n').toString();
  }

  /**
   * A copy with weights rounded to the file's 16-bit precision and the header completed with the
   * feature definition, scale and checksum: what {@link #write} stores and {@link #read} returns.
   */
  SmsClassifier quantised(Map<String, String> description) {
    float scale = quantisationScale();
    byte[] body = body(scale);
    float[] q = new float[weights.length];
    for (int i = 0; i < q.length; i++) {
      q[i] = quantise(weights[i], scale) * scale;
    }
    Map<String, String> h = new LinkedHashMap<>(description);
    h.put("bucket-bits", Integer.toString(features.bits()));
    h.put("classes", String.join(" ", CATEGORIES.stream().map(Category::code).toList()));
    h.put("lexicon-sha256", features.lexicon().sha256());
    h.put("weight-scale", Float.toString(scale));
    h.put("weights-sha256", sha256(body));
    return new SmsClassifier(ordered(h), features, bias.clone(), q);
  }

  private static Map<String, String> ordered(Map<String, String> h) {
    return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(h));
  }

  private float quantisationScale() {
    float max = 0;
    for (float w : weights) {
      max = Math.max(max, Math.abs(w));
    }
    return max == 0 ? 1 : max / Short.MAX_VALUE;
  }

  private static short quantise(float w, float scale) {
    return (short) Math.max(-Short.MAX_VALUE, Math.min(Short.MAX_VALUE, Math.round(w / scale)));
  }

  private byte[] body(float scale) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(K * 4 + weights.length * 2);
    DataOutputStream data = new DataOutputStream(bytes);
    try {
      for (float b : bias) {
        data.writeFloat(b);
      }
      for (float w : weights) {
        data.writeShort(quantise(w, scale));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static String required(Map<String, String> header, String key) {
    String v = header.get(key);
    if (v == null) {
      throw new IllegalArgumentException("model header lacks '" + key + "'");
    }
    return v;
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IllegalArgumentException("model header ends before the weights");
      }
      line.write(b);
    }
    return line.toString(StandardCharsets.UTF_8);
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
