package org.dunshield.core.carrier;

import java.util.Arrays;
import java.util.Objects;
import org.dunshield.core.screen.Category;

/**
 * The caller side of carrier detection, one enriched call at a time on the caller's state. Keeps a
 * sliding day of counters in time buckets (calls, answered, short, night, one-ring, talk seconds,
 * calls to strangers), the day's distinct callees with their call counts, and — for callees who did
 * not know the caller — how many of them share each of their contacts: when many strangers called by
 * one number all know the same subscriber, and the number calls that subscriber too, it is working
 * through its target's address book (a hub every subscriber knows, like a bank line, is never a
 * centre, because the caller does not call it).
 * A number is flagged once, as one-ring, debt collection (address-book blasting) or marketing
 * (telemarketing), unless allowlisted; the legitimate high-volume profile (most calls answered, or
 * real conversations) is never flagged as marketing. Immutable and thread-safe; the state is not.
 */
public final class CallerLogic {
  static final int CALLS = 0;
  static final int ANSWERED = 1;
  static final int SHORT = 2;
  static final int NIGHT = 3;
  static final int ONE_RING = 4;
  static final int TALK = 5;
  static final int STRANGER = 6;
  /** Counters per time bucket. */
  public static final int METRICS = 7;
  /**
   * Where the running totals of the buckets start in {@link CallerState#buckets}: after the
   * {@link CarrierSettings#BUCKETS} buckets come their sums, kept as buckets fill and are cleared,
   * so that judging a call does not add up the day.
   */
  static final int TOTAL = CarrierSettings.BUCKETS * METRICS;
  private static final int MAX_CALLEES = 512;
  private static final int MAX_CIRCLE = 1024;
  /**
   * Circles and callee lists this long get a hash index ({@link CallerState#circleIndex},
   * {@link CallerState#calleeIndex}), kept at most half full (rebuilt twice as large when it would be
   * fuller).
   */
  private static final int INDEXED = 32;
  private static final int EXAMPLES = 3;

  private final CarrierSettings settings;
  private final KnownNumbers known;
  private final int minToJudge;

  public CallerLogic(CarrierSettings settings, KnownNumbers known) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.known = Objects.requireNonNull(known, "known");
    this.minToJudge = Math.min(settings.oneRingMinCalls(), Math.min(settings.collectorMinCallees(),
        settings.telemarketingMinCallees()));
  }

  /** Handles one call made by {@code state}'s subscriber; returns a flag the first time one is due. */
  public NumberFlag onCall(CallerState s, EnrichedCall e) {
    return onCall(s, e.call(), e.known(), e.calleeContacts(), e.calleeContacts().length);
  }

  /**
   * The same for a call given by its parts: whether the callee knew the caller and, when not, the
   * first {@code contactCount} of {@code calleeContacts} (not kept; an engine can pass the callee's
   * own state array, see {@link CalleeLogic#observe}).
   */
  public NumberFlag onCall(CallerState s, Cdr call, boolean calleeKnew, long[] calleeContacts, int contactCount) {
    return onCall(s, call, calleeKnew, calleeContacts, 0, contactCount);
  }

  /** The same with the contacts at {@code calleeContacts[from, from + contactCount)}. */
  public NumberFlag onCall(CallerState s, Cdr call, boolean calleeKnew, long[] calleeContacts, int from, int contactCount) {
    long t = call.start();
    if (s.firstSeen == 0 || t < s.firstSeen) {
      s.firstSeen = t;
    }
    s.lastSeen = Math.max(s.lastSeen, t);
    if (!count(s, call, calleeKnew)) {
      return null;
    }
    boolean newCallee = callee(s, call.callee(), t);
    if (newCallee && !calleeKnew && contactCount > 0) {
      circle(s, calleeContacts, from, contactCount, call.caller(), t);
    }
    example(s, call);
    if (s.flagged || s.buckets[TOTAL + CALLS] < minToJudge || known.allowed(call.caller())) {
      return null;
    }
    NumberFlag flag = judge(s, call.caller(), t);
    if (flag != null) {
      s.flagged = true;
    }
    return flag;
  }

  /** Adds the call to its bucket; false when it is older than the day window. */
  private boolean count(CallerState s, Cdr call, boolean known) {
    int n = CarrierSettings.BUCKETS;
    long bucket = Math.floorDiv(call.start(), CarrierSettings.BUCKET_MS);
    int[] m = s.buckets;
    if (m == null) {
      m = s.buckets = new int[(n + 1) * METRICS];
      s.newestBucket = bucket;
    }
    if (bucket > s.newestBucket) {
      long clear = Math.min(n, bucket - s.newestBucket);
      for (long b = bucket - clear + 1; b <= bucket; b++) {
        int from = (int) Math.floorMod(b, (long) n) * METRICS;
        for (int k = 0; k < METRICS; k++) {
          m[TOTAL + k] -= m[from + k];
          m[from + k] = 0;
        }
      }
      s.newestBucket = bucket;
    } else if (bucket <= s.newestBucket - n) {
      return false;
    }
    int at = (int) Math.floorMod(bucket, (long) n) * METRICS;
    add(m, at, CALLS, 1);
    if (call.answered()) {
      add(m, at, ANSWERED, 1);
      add(m, at, TALK, call.talkSeconds());
    }
    if (!call.answered() || call.talkSeconds() < CarrierSettings.SHORT_TALK_SECONDS) {
      add(m, at, SHORT, 1);
    }
    if (settings.night(call.start())) {
      add(m, at, NIGHT, 1);
    }
    if (call.oneRing(settings.oneRingMaxRing())) {
      add(m, at, ONE_RING, 1);
    }
    if (!known) {
      add(m, at, STRANGER, 1);
    }
    return true;
  }

  /** Adds to one bucket's counter and to the running total of that counter. */
  private static void add(int[] m, int at, int metric, int v) {
    m[at + metric] += v;
    m[TOTAL + metric] += v;
  }

  /** Counts a call to {@code callee}; true when it is the first within the day window. */
  private static boolean callee(CallerState s, long callee, long t) {
    if (s.callees == null) {
      s.callees = new long[8];
      s.calleeCalls = new int[8];
      s.calleeSeen = new long[8];
    }
    long horizon = t - CarrierSettings.DAY_MS;
    int i = calleeAt(s, callee);
    if (i >= 0) {
      boolean fresh = s.calleeSeen[i] <= horizon;
      s.calleeCalls[i] = fresh ? 1 : s.calleeCalls[i] + 1;
      s.calleeSeen[i] = Math.max(s.calleeSeen[i], t);
      return fresh;
    }
    if (s.calleeCount == s.callees.length) {
      if (s.calleeCount < MAX_CALLEES) {
        int size = s.calleeCount * 2;
        s.callees = Arrays.copyOf(s.callees, size);
        s.calleeCalls = Arrays.copyOf(s.calleeCalls, size);
        s.calleeSeen = Arrays.copyOf(s.calleeSeen, size);
      } else {
        int kept = 0;
        for (int k = 0; k < s.calleeCount; k++) {
          if (s.calleeSeen[k] > horizon) {
            s.callees[kept] = s.callees[k];
            s.calleeCalls[kept] = s.calleeCalls[k];
            s.calleeSeen[kept++] = s.calleeSeen[k];
          }
        }
        s.calleeCount = kept;
        s.calleeIndex = null;
        if (kept == s.callees.length) {
          return true;
        }
      }
    }
    s.callees[s.calleeCount] = callee;
    s.calleeCalls[s.calleeCount] = 1;
    s.calleeSeen[s.calleeCount++] = t;
    s.calleeIndex = indexed(s.calleeIndex, callee, s.calleeCount);
    return true;
  }

  /** Where {@code callee} is in the caller's callees, or -1; long lists are looked up in a hash index. */
  private static int calleeAt(CallerState s, long callee) {
    if (s.calleeCount < INDEXED) {
      for (int i = 0; i < s.calleeCount; i++) {
        if (s.callees[i] == callee) {
          return i;
        }
      }
      return -1;
    }
    if (s.calleeIndex == null) {
      s.calleeIndex = index(s.callees, s.calleeCount);
    }
    return lookup(s.calleeIndex, s.callees, callee);
  }

  private static void circle(CallerState s, long[] contacts, int from, int contactCount, long caller, long t) {
    if (s.circle == null || t - s.circleSince > CarrierSettings.DAY_MS) {
      if (s.circle == null) {
        s.circle = new long[16];
        s.circleCounts = new int[16];
      }
      s.circleCount = 0;
      s.circleMax = 0;
      s.circleSince = t;
      s.circleIndex = null;
    }
    for (int k = from, end = from + contactCount; k < end; k++) {
      long c = contacts[k];
      if (c == caller) {
        continue;
      }
      int i = find(s, c);
      if (i >= 0) {
        s.circleMax = Math.max(s.circleMax, ++s.circleCounts[i]);
      } else if (s.circleCount < MAX_CIRCLE) {
        if (s.circleCount == s.circle.length) {
          s.circle = Arrays.copyOf(s.circle, s.circleCount * 2);
          s.circleCounts = Arrays.copyOf(s.circleCounts, s.circleCount * 2);
        }
        s.circle[s.circleCount] = c;
        s.circleCounts[s.circleCount++] = 1;
        s.circleMax = Math.max(s.circleMax, 1);
        s.circleIndex = indexed(s.circleIndex, c, s.circleCount);
      }
    }
  }

  /** Where {@code c} is in the caller's circle, or -1; long circles are looked up in a hash index. */
  private static int find(CallerState s, long c) {
    if (s.circleCount < INDEXED) {
      for (int i = 0; i < s.circleCount; i++) {
        if (s.circle[i] == c) {
          return i;
        }
      }
      return -1;
    }
    if (s.circleIndex == null) {
      s.circleIndex = index(s.circle, s.circleCount);
    }
    return lookup(s.circleIndex, s.circle, c);
  }

  /**
   * A hash index of {@code keys[0, count)}: open addressing, positions + 1, at most half full (twice
   * the count rounded up to a power of two).
   */
  private static int[] index(long[] keys, int count) {
    int[] index = new int[Integer.highestOneBit(count * 4 - 1)];
    for (int i = 0; i < count; i++) {
      put(index, keys[i], i + 1);
    }
    return index;
  }

  /**
   * {@code index} with {@code key} added at {@code position} (1-based, the new count), or null (to
   * be rebuilt larger when next needed) when it would be more than half full; null stays null.
   */
  private static int[] indexed(int[] index, long key, int position) {
    if (index == null || 2 * position > index.length) {
      return null;
    }
    put(index, key, position);
    return index;
  }

  private static int lookup(int[] index, long[] keys, long key) {
    int mask = index.length - 1;
    for (int h = slot(key) & mask; ; h = (h + 1) & mask) {
      int p = index[h];
      if (p == 0) {
        return -1;
      }
      if (keys[p - 1] == key) {
        return p - 1;
      }
    }
  }

  private static void put(int[] index, long key, int position) {
    int mask = index.length - 1;
    int h = slot(key) & mask;
    while (index[h] != 0) {
      h = (h + 1) & mask;
    }
    index[h] = position;
  }

  private static int slot(long c) {
    long h = c * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }

  private static void example(CallerState s, Cdr call) {
    if (s.examples == null) {
      s.examples = new long[EXAMPLES * 2];
    }
    System.arraycopy(s.examples, 0, s.examples, 2, s.examples.length - 2);
    s.examples[0] = call.callee();
    s.examples[1] = call.start();
    s.exampleCount = Math.min(EXAMPLES, s.exampleCount + 1);
  }

  /** Whether the caller called {@code number} within the day window: a circle's centre must be its own target. */
  private static boolean calledToday(CallerState s, long number, long horizon) {
    int i = calleeAt(s, number);
    return i >= 0 && s.calleeSeen[i] > horizon;
  }

  private NumberFlag judge(CallerState s, long number, long t) {
    int[] sum = s.buckets;
    if (sum[TOTAL + CALLS] < minToJudge) {
      return null;
    }
    long horizon = t - CarrierSettings.DAY_MS;
    int complaints = known.complaints(number);
    double calls = sum[TOTAL + CALLS];
    double answerRatio = sum[TOTAL + ANSWERED] / calls;
    double shortRatio = sum[TOTAL + SHORT] / calls;
    double meanTalk = sum[TOTAL + ANSWERED] == 0 ? 0 : (double) sum[TOTAL + TALK] / sum[TOTAL + ANSWERED];
    boolean circleLikely = s.circle != null && t - s.circleSince <= CarrierSettings.DAY_MS
        && s.circleMax >= settings.circleMin() && sum[TOTAL + STRANGER] >= 0.5 * calls
        && !(answerRatio > settings.socialMinAnswer() && meanTalk >= settings.socialMinMeanTalk());
    boolean marketingLikely = answerRatio <= settings.telemarketingMaxAnswer()
        && shortRatio >= settings.telemarketingMinShort() && answerRatio < settings.legitMinAnswer()
        && meanTalk < settings.legitMinMeanTalk();
    boolean oneRing = sum[TOTAL + ONE_RING] >= settings.oneRingMinCalls() && sum[TOTAL + ONE_RING] >= 0.7 * calls;
    if (!oneRing && !circleLikely && !marketingLikely) {
      return null;
    }
    int distinct = 0;
    int maxToOne = 0;
    for (int i = 0; i < s.calleeCount; i++) {
      if (s.calleeSeen[i] > horizon) {
        distinct++;
        maxToOne = Math.max(maxToOne, s.calleeCalls[i]);
      }
    }
    long centre = 0;
    int circle = 0;
    if (circleLikely && s.circleMax >= settings.circleMinShare() * distinct) {
      for (int i = 0; i < s.circleCount; i++) {
        if (s.circleCounts[i] > circle && s.circleCounts[i] >= settings.circleMin() && calledToday(s, s.circle[i], horizon)) {
          circle = s.circleCounts[i];
          centre = s.circle[i];
        }
      }
    }
    Category category = null;
    double score = 0;
    if (oneRing) {
      category = Category.ONE_RING;
      score = 0.6 + 0.4 * Math.min(1, sum[TOTAL + ONE_RING] / (2.0 * settings.oneRingMinCalls()));
    } else if (circle >= settings.circleMin() && circle >= settings.circleMinShare() * distinct
        && distinct >= settings.collectorMinCallees()) {
      category = Category.DEBT_COLLECTION;
      score = 0.7 + 0.3 * Math.min(1, (circle - settings.circleMin()) / (double) settings.circleMin());
    } else if (marketingLikely && distinct >= settings.telemarketingMinCallees()) {
      category = Category.MARKETING;
      score = 0.5 + 0.3 * Math.min(1, distinct / (3.0 * settings.telemarketingMinCallees()))
          + 0.2 * (shortRatio - settings.telemarketingMinShort()) / (1 - settings.telemarketingMinShort());
    }
    if (category == null) {
      return null;
    }
    if (complaints >= settings.complaintsToFreeze()) {
      score += 0.2;
    }
    score = Math.min(1, score);
    long windowStart = Math.max(s.firstSeen, (s.newestBucket - CarrierSettings.BUCKETS + 1) * CarrierSettings.BUCKET_MS);
    NumberFlag.Evidence ev = new NumberFlag.Evidence(sum[TOTAL + CALLS], distinct, sum[TOTAL + ANSWERED], sum[TOTAL + SHORT], sum[TOTAL + NIGHT],
        sum[TOTAL + ONE_RING], sum[TOTAL + TALK], sum[TOTAL + STRANGER], maxToOne, centre, circle, complaints,
        Arrays.copyOf(s.examples, s.exampleCount * 2));
    return new NumberFlag(number, category, score,
        score >= settings.freezeScore() ? Recommendation.FREEZE : Recommendation.REVIEW, t, windowStart, ev);
  }
}
