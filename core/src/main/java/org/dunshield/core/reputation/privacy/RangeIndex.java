package org.dunshield.core.reputation.privacy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.dunshield.core.reputation.offline.Label;
import org.dunshield.core.reputation.offline.Publication;
import org.dunshield.core.screen.Category;

/**
 * The k-anonymous range query over a {@link Publication}: entries sorted by the hash of their
 * number; a prefix of {@code 1..}{@link #prefixLength()} hex digits answers every entry whose hash
 * starts with it. {@link #prefixLength()} is the longest length at which every one of the
 * 16<sup>L</sup> possible prefixes still covers at least {@link #minimum()} entries, so every answer
 * (shorter prefixes are unions of longer ones) covers at least that many; a prefix longer than that
 * is refused. With fewer than {@code minimum} entries there is no such length and every range query
 * is refused (download the snapshot instead). Immutable; thread-safe.
 */
public final class RangeIndex {
  /** The documented default minimum of entries per answer. */
  public static final int DEFAULT_MINIMUM = 50;

  private static final int MAX_PREFIX = 15;

  /** One entry of an answer: the full hash and the label. */
  public record Entry(String hash, Category category, double score, int reporters, boolean approximate,
      boolean disputed) {}

  /**
   * An answer.
   *
   * @param prefix the prefix asked (lowercase)
   * @param prefixLength the longest prefix this index answers
   * @param minimum the fewest entries any answer covers
   * @param version the publication answered from
   * @param entries every entry under the prefix, by hash
   */
  public record Answer(String prefix, int prefixLength, int minimum, long version, List<Entry> entries) {}

  private final Publication publication;
  private final int minimum;
  /** Top 64 bits of each entry's hash, ascending as unsigned values. */
  private final long[] hashes;
  /** The publication index of each entry, in hash order. */
  private final int[] order;
  private final int prefixLength;

  private RangeIndex(Publication publication, int minimum) {
    if (minimum < 1) {
      throw new IllegalArgumentException("the minimum must be at least 1");
    }
    this.publication = publication;
    this.minimum = minimum;
    int n = publication.size();
    long[] pairs = new long[n];
    long[] top = new long[n];
    for (int i = 0; i < n; i++) {
      top[i] = NumberHash.top64("+" + publication.digitsAt(i));
    }
    Integer[] idx = new Integer[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    Arrays.sort(idx, (a, b) -> Long.compareUnsigned(top[a], top[b]));
    this.order = new int[n];
    this.hashes = pairs;
    for (int i = 0; i < n; i++) {
      order[i] = idx[i];
      hashes[i] = top[idx[i]];
    }
    this.prefixLength = longestLength();
  }

  public static RangeIndex of(Publication publication, int minimum) {
    return new RangeIndex(publication, minimum);
  }

  /** The longest L for which all 16^L prefixes of length L cover at least {@code minimum} entries. */
  private int longestLength() {
    int best = 0;
    for (int length = 1; length <= MAX_PREFIX; length++) {
      long buckets = 1L << (4 * length);
      if (hashes.length < buckets * minimum) {
        break; // some bucket must hold fewer
      }
      int shift = 64 - 4 * length;
      long seen = 0;
      int run = 0;
      long current = -1;
      boolean ok = true;
      for (long h : hashes) {
        long bucket = h >>> shift;
        if (bucket != current) {
          if (current != -1 && run < minimum) {
            ok = false;
            break;
          }
          current = bucket;
          run = 0;
          seen++;
        }
        run++;
      }
      if (!ok || run < minimum || seen != buckets) {
        break;
      }
      best = length;
    }
    return best;
  }

  /** The longest prefix answered, in hex digits (0: none, too few entries). */
  public int prefixLength() {
    return prefixLength;
  }

  public int minimum() {
    return minimum;
  }

  public long version() {
    return publication.version();
  }

  public int size() {
    return hashes.length;
  }

  /**
   * Every entry whose hash starts with {@code prefix}.
   *
   * @throws IllegalArgumentException when the prefix is not 1 to {@link #prefixLength()} hex digits
   */
  public Answer answer(String prefix) {
    String p = prefix == null ? "" : prefix.trim().toLowerCase(Locale.ROOT);
    if (prefixLength == 0) {
      throw new IllegalArgumentException("this server publishes fewer than " + minimum + " entries, too few for "
          + "an anonymous range query; download the snapshot instead");
    }
    if (p.isEmpty() || p.length() > prefixLength || !p.chars().allMatch(c -> (c >= '0' && c <= '9')
        || (c >= 'a' && c <= 'f'))) {
      throw new IllegalArgumentException("the prefix must be 1 to " + prefixLength + " hex digits of the SHA-256 of"
          + " the E.164 number (longer prefixes would cover fewer than " + minimum + " entries), got '" + prefix + "'");
    }
    int shift = 64 - 4 * p.length();
    long wanted = Long.parseUnsignedLong(p, 16);
    int from = lowerBound(wanted, shift);
    List<Entry> entries = new ArrayList<>();
    for (int i = from; i < hashes.length && (hashes[i] >>> shift) == wanted; i++) {
      int at = order[i];
      int label = publication.labelAt(at);
      entries.add(new Entry(NumberHash.hex("+" + publication.digitsAt(at)), Label.category(label), Label.score(label),
          Label.supporters(label), Label.approximate(label), Label.disputed(label)));
    }
    return new Answer(p, prefixLength, minimum, publication.version(), entries);
  }

  private int lowerBound(long wanted, int shift) {
    int lo = 0;
    int hi = hashes.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (Long.compareUnsigned(hashes[mid] >>> shift, wanted) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
