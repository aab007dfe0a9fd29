package org.dunshield.core.carrier;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A seeded, deterministic synthetic carrier network with ground truth. Subscribers
 * ({@code +86 130…}) call family, colleagues and friends ({@link SocialGraph}) with a daily rhythm,
 * and now and then a service line. Among them work legitimate high-volume callers (bank service
 * lines, couriers, hospitals, institutions' call centres), telemarketers, debt collectors who call
 * their borrowers and blast the borrowers' whole contact circles, one-ring campaigns from abroad, and
 * call-bombing attacks on single subscribers from many numbers.
 *
 * <p>Output is streamed in start-time order, minute by minute: only one day of the actors' planned
 * calls and one minute of ordinary calls are in memory, so ten million subscribers need no more than
 * a few hundred megabytes. The same seed and sizes always give the same records. Not thread-safe.
 */
public final class NetworkGenerator {
  /** Monday 2026-03-02 00:00 in China (UTC+8): the default first day. */
  public static final long DEFAULT_START = Instant.parse("2026-03-01T16:00:00Z").toEpochMilli();
  static final long SUBSCRIBER_BASE = 8613000000000L;
  private static final long MINUTE = 60_000L;
  private static final long HOUR = 3_600_000L;
  private static final long DAY = 24 * HOUR;
  private static final int ZONE = 8;
  /** Relative call volume by local hour (0–23). */
  private static final double[] RHYTHM = {0.15, 0.08, 0.05, 0.04, 0.05, 0.1, 0.3, 0.6, 1.0, 1.3, 1.4, 1.3, 1.1,
      1.2, 1.3, 1.3, 1.3, 1.4, 1.5, 1.5, 1.4, 1.1, 0.7, 0.35};
  private static final double RHYTHM_SUM;

  static {
    double s = 0;
    for (double r : RHYTHM) {
      s += r;
    }
    RHYTHM_SUM = s;
  }

  /** Where the records and the truth go. */
  public interface Sink {
    void call(Cdr cdr) throws IOException;
  }

  private final int subscribers;
  private final int days;
  private final long start;
  private final SplittableRandom random;
  private final SocialGraph graph;
  private final List<Actor> actors = new ArrayList<>();
  private final List<Attack> attacks = new ArrayList<>();
  private final long[] serviceLines;
  private final double callsPerDay = 5.0;

  /**
   * @param subscribers 10,000 to 10,000,000
   * @param days 1 to 60
   * @param seed the seed of every random choice
   * @param start epoch milliseconds of the first day's local midnight
   */
  public NetworkGenerator(int subscribers, int days, long seed, long start) {
    if (subscribers < 10_000 || subscribers > 10_000_000) {
      throw new IllegalArgumentException("subscribers must be between 10,000 and 10,000,000, got " + subscribers);
    }
    if (days < 1 || days > 60) {
      throw new IllegalArgumentException("days must be between 1 and 60, got " + days);
    }
    this.subscribers = subscribers;
    this.days = days;
    this.start = start;
    this.random = new SplittableRandom(seed);
    this.graph = new SocialGraph(subscribers, seed);
    double scale = subscribers / 1_000_000.0;
    long seq = 0;
    add(Actor.Type.BANK, count(60, scale, 2), 864008000000L);
    add(Actor.Type.COURIER, count(80, scale, 2), 8613900000000L);
    add(Actor.Type.HOSPITAL, count(30, scale, 2), 861060000000L);
    add(Actor.Type.CALL_CENTRE, count(30, scale, 2), 864009000000L);
    add(Actor.Type.TELEMARKETER, count(100, scale, 3), 8617000000000L);
    add(Actor.Type.COLLECTOR, count(100, scale, 5), 8616500000000L);
    int campaigns = count(10, scale, 1);
    long[] foreign = {2250700000000L, 21620000000L, 88213000000L};
    for (int c = 0; c < campaigns; c++) {
      long begin = start + (long) (random.nextDouble() * Math.max(1, days * DAY - 8 * HOUR));
      for (int k = 0; k < 3; k++) {
        Actor a = new Actor(Actor.Type.ONE_RING, foreign[k] + c * 7L + 1, begin + random.nextLong(HOUR));
        actors.add(a);
      }
    }
    int attackCount = count(100, scale, 5) * days / 7 + 1;
    for (int i = 0; i < attackCount; i++) {
      long at = start + HOUR + (long) (random.nextDouble() * (days * DAY - 2 * HOUR));
      int sources = 20 + random.nextInt(61);
      long[] from = new long[sources];
      for (int k = 0; k < sources; k++) {
        from[k] = 8618800000000L + (seq++ * 7919 + random.nextInt(7000)) % 100_000_000L;
      }
      attacks.add(new Attack(SUBSCRIBER_BASE + random.nextInt(subscribers), at,
          (5 + random.nextInt(16)) * MINUTE, 1000 + random.nextInt(3001), from));
    }
    List<Long> lines = new ArrayList<>();
    for (Actor a : actors) {
      if (a.type == Actor.Type.BANK || a.type == Actor.Type.HOSPITAL || a.type == Actor.Type.CALL_CENTRE) {
        lines.add(a.number);
      }
    }
    serviceLines = lines.stream().mapToLong(Long::longValue).toArray();
  }

  private static int count(int perMillion, double scale, int min) {
    return Math.max(min, (int) Math.round(perMillion * scale));
  }

  private void add(Actor.Type type, int count, long base) {
    for (int i = 0; i < count; i++) {
      long begin = start;
      if (type == Actor.Type.COLLECTOR) {
        begin = start + DAY + (long) (random.nextDouble() * Math.max(HOUR, (days - 1.5) * DAY));
      } else if (type == Actor.Type.TELEMARKETER) {
        begin = start + (long) (random.nextDouble() * Math.max(HOUR, (days - 1) * DAY));
      }
      actors.add(new Actor(type, base + i * 13L + 1, begin));
    }
  }

  /** Writes every call, in start-time order, to {@code sink}; returns the truth rows. */
  public List<Truth.Row> generate(Sink sink) throws IOException {
    Objects.requireNonNull(sink, "sink");
    List<Cdr> pending = new ArrayList<>();
    int next = 0;
    List<Cdr> minute = new ArrayList<>(4096);
    Comparator<Cdr> order = Comparator.comparingLong(Cdr::start).thenComparingLong(Cdr::caller)
        .thenComparingLong(Cdr::callee);
    for (int d = 0; d < days; d++) {
      long dayStart = start + d * DAY;
      pending = new ArrayList<>(pending.subList(next, pending.size()));
      next = 0;
      for (Actor a : actors) {
        plan(a, dayStart, pending);
      }
      for (Attack at : attacks) {
        if (at.start >= dayStart && at.start < dayStart + DAY) {
          plan(at, pending);
        }
      }
      pending.sort(order);
      for (int m = 0; m < 1440; m++) {
        long from = dayStart + m * MINUTE;
        minute.clear();
        ordinary(from, minute);
        while (next < pending.size() && pending.get(next).start() < from + MINUTE) {
          minute.add(pending.get(next++));
        }
        minute.sort(order);
        for (Cdr c : minute) {
          sink.call(c);
        }
      }
    }
    for (int i = next; i < pending.size(); i++) {
      sink.call(pending.get(i));
    }
    return truth();
  }

  private List<Truth.Row> truth() {
    List<Truth.Row> rows = new ArrayList<>();
    for (Actor a : actors) {
      if (a.first == Long.MAX_VALUE) {
        continue;
      }
      Truth.Kind kind = a.type.abusive ? Truth.Kind.ABUSIVE : Truth.Kind.LEGITIMATE;
      rows.add(new Truth.Row(kind, a.number, a.type.code, a.first, a.last));
    }
    for (Attack at : attacks) {
      if (at.first == Long.MAX_VALUE) {
        continue;
      }
      rows.add(new Truth.Row(Truth.Kind.ATTACK, at.target, "call_bombing", at.first, at.last));
      for (long s : at.sources) {
        rows.add(new Truth.Row(Truth.Kind.SOURCE, s, "call_bombing", at.first, at.last));
      }
    }
    return rows;
  }

  private int localHour(long t) {
    return (int) Math.floorMod(t / HOUR + ZONE, 24L);
  }

  private void ordinary(long from, List<Cdr> out) {
    double lambda = subscribers * callsPerDay * RHYTHM[localHour(from)] / RHYTHM_SUM / 60.0;
    int n = poisson(lambda);
    for (int k = 0; k < n; k++) {
      int i = random.nextInt(subscribers);
      double r = random.nextDouble();
      long callee;
      if (r < 0.40) {
        callee = SUBSCRIBER_BASE + graph.family(i, random.nextInt(SocialGraph.FAMILY - 1));
      } else if (r < 0.94) {
        int[] c = graph.contacts(i);
        callee = SUBSCRIBER_BASE + c[random.nextInt(c.length)];
      } else if (r < 0.97 && serviceLines.length > 0) {
        callee = serviceLines[random.nextInt(serviceLines.length)];
      } else {
        callee = SUBSCRIBER_BASE + random.nextInt(subscribers);
      }
      long caller = SUBSCRIBER_BASE + i;
      if (callee == caller) {
        continue;
      }
      long t = from + random.nextLong(MINUTE);
      double o = random.nextDouble();
      if (o < 0.80) {
        out.add(answered(caller, callee, t, 3 + random.nextInt(12), talk(150, 5)));
      } else if (o < 0.92) {
        out.add(unanswered(caller, callee, t, Disposition.NO_ANSWER, 15 + random.nextInt(26)));
      } else if (o < 0.95) {
        out.add(unanswered(caller, callee, t, Disposition.BUSY, 0));
      } else if (o < 0.99) {
        out.add(unanswered(caller, callee, t, Disposition.CALLER_CANCEL, 5 + random.nextInt(16)));
      } else {
        out.add(unanswered(caller, callee, t, Disposition.CALLER_CANCEL, 1 + random.nextInt(4)));
      }
    }
  }

  private void plan(Actor a, long dayStart, List<Cdr> out) {
    switch (a.type) {
      case BANK -> business(a, dayStart, 9, 18, 30, 0.65, 90, 20, out);
      case COURIER -> business(a, dayStart, 8, 20, 40, 0.85, 35, 10, out);
      case HOSPITAL -> business(a, dayStart, 8, 17, 15, 0.75, 120, 20, out);
      case CALL_CENTRE -> business(a, dayStart, 9, 21, 60, 0.55, 150, 20, out);
      case TELEMARKETER -> telemarketer(a, dayStart, out);
      case COLLECTOR -> collector(a, dayStart, out);
      case ONE_RING -> oneRing(a, dayStart, out);
      default -> throw new IllegalStateException(a.type.toString());
    }
  }

  private long randomSubscriber() {
    return SUBSCRIBER_BASE + random.nextInt(subscribers);
  }

  private void business(Actor a, long dayStart, int fromHour, int toHour, int perHour, double answer, int meanTalk,
      int minTalk, List<Cdr> out) {
    for (int h = fromHour; h < toHour; h++) {
      long hourStart = dayStart + h * HOUR;
      int n = poisson(perHour);
      for (int k = 0; k < n; k++) {
        long t = hourStart + random.nextLong(HOUR);
        long callee = randomSubscriber();
        if (random.nextDouble() < answer) {
          emit(a, out, answered(a.number, callee, t, 3 + random.nextInt(15), talk(meanTalk, minTalk)));
        } else {
          boolean busy = random.nextDouble() < 0.15;
          emit(a, out, unanswered(a.number, callee, t, busy ? Disposition.BUSY : Disposition.NO_ANSWER,
              busy ? 0 : 20 + random.nextInt(16)));
        }
      }
    }
  }

  private void telemarketer(Actor a, long dayStart, List<Cdr> out) {
    for (int h = 9; h < 20; h++) {
      long hourStart = dayStart + h * HOUR;
      int n = poisson(35);
      for (int k = 0; k < n; k++) {
        long t = hourStart + random.nextLong(HOUR);
        if (t < a.begin) {
          continue;
        }
        long callee = randomSubscriber();
        double o = random.nextDouble();
        if (o < 0.30) {
          emit(a, out, answered(a.number, callee, t, 3 + random.nextInt(12), talk(20, 2)));
        } else if (o < 0.75) {
          emit(a, out, unanswered(a.number, callee, t, Disposition.NO_ANSWER, 15 + random.nextInt(20)));
        } else {
          emit(a, out, unanswered(a.number, callee, t, Disposition.REJECTED, 2 + random.nextInt(8)));
        }
      }
    }
  }

  private void collector(Actor a, long dayStart, List<Cdr> out) {
    if (dayStart + DAY <= a.begin) {
      return;
    }
    boolean firstDay = a.borrowers.isEmpty();
    if (firstDay || random.nextDouble() < 0.7) {
      a.borrowers.add(random.nextInt(subscribers));
      int borrower = a.borrowers.get(a.borrowers.size() - 1);
      long blast = Math.max(a.begin, dayStart + 9 * HOUR + random.nextLong(11 * HOUR));
      int[] circle = graph.contacts(borrower);
      long span = (60 + random.nextInt(61)) * MINUTE;
      for (int k = 0; k < circle.length; k++) {
        long t = blast + span * k / circle.length + random.nextLong(MINUTE);
        long callee = SUBSCRIBER_BASE + circle[k];
        if (callee == SUBSCRIBER_BASE + borrower) {
          continue;
        }
        collectorCall(a, callee, t, out);
      }
    }
    for (int b : a.borrowers) {
      int n = 4 + random.nextInt(5);
      for (int k = 0; k < n; k++) {
        long t = dayStart + 8 * HOUR + random.nextLong(16 * HOUR);
        if (t >= a.begin) {
          collectorCall(a, SUBSCRIBER_BASE + b, t, out);
        }
      }
    }
  }

  private void collectorCall(Actor a, long callee, long t, List<Cdr> out) {
    double o = random.nextDouble();
    if (o < 0.45) {
      emit(a, out, answered(a.number, callee, t, 3 + random.nextInt(12), talk(40, 3)));
    } else if (o < 0.85) {
      emit(a, out, unanswered(a.number, callee, t, Disposition.NO_ANSWER, 20 + random.nextInt(20)));
    } else {
      emit(a, out, unanswered(a.number, callee, t, Disposition.REJECTED, 2 + random.nextInt(6)));
    }
  }

  private void oneRing(Actor a, long dayStart, List<Cdr> out) {
    if (a.begin < dayStart || a.begin >= dayStart + DAY) {
      return;
    }
    long hours = 2 + random.nextInt(5);
    int perHour = 150 + random.nextInt(101);
    for (long h = 0; h < hours; h++) {
      int n = poisson(perHour);
      for (int k = 0; k < n; k++) {
        long t = a.begin + h * HOUR + random.nextLong(HOUR);
        long callee = randomSubscriber();
        if (random.nextDouble() < 0.97) {
          emit(a, out, unanswered(a.number, callee, t, Disposition.CALLER_CANCEL, 1 + random.nextInt(3)));
        } else {
          emit(a, out, unanswered(a.number, callee, t, Disposition.NO_ANSWER, 20));
        }
      }
    }
  }

  private void plan(Attack at, List<Cdr> out) {
    long t = at.start;
    while (t < at.start + at.length) {
      long source = at.sources[random.nextInt(at.sources.length)];
      Cdr c = random.nextDouble() < 0.1 ? answered(source, at.target, t, 3, 1 + random.nextInt(5))
          : unanswered(source, at.target, t, random.nextBoolean() ? Disposition.REJECTED : Disposition.NO_ANSWER,
              1 + random.nextInt(10));
      out.add(c);
      at.first = Math.min(at.first, t);
      at.last = Math.max(at.last, t);
      t += at.gap / 2 + random.nextLong(at.gap);
    }
  }

  private static void emit(Actor a, List<Cdr> out, Cdr c) {
    out.add(c);
    a.first = Math.min(a.first, c.start());
    a.last = Math.max(a.last, c.start());
  }

  private Cdr answered(long caller, long callee, long t, int ring, int talk) {
    return new Cdr(caller, callee, t, ring, talk, true, Disposition.ANSWERED, "");
  }

  private Cdr unanswered(long caller, long callee, long t, Disposition d, int ring) {
    return new Cdr(caller, callee, t, ring, 0, false, d, "");
  }

  /** A talk time with the given mean (seconds), log-normal, at least {@code min}. */
  private int talk(double mean, int min) {
    double sigma = 0.8;
    double mu = Math.log(mean) - sigma * sigma / 2;
    double g = gaussian();
    return Math.max(min, (int) Math.round(Math.exp(mu + sigma * g)));
  }

  private double gaussian() {
    double u = Math.max(1e-12, random.nextDouble());
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  private int poisson(double lambda) {
    if (lambda > 30) {
      return (int) Math.max(0, Math.round(lambda + Math.sqrt(lambda) * gaussian()));
    }
    double l = Math.exp(-lambda);
    int k = 0;
    double p = 1;
    do {
      k++;
      p *= random.nextDouble();
    } while (p > l);
    return k - 1;
  }

  /** One planned actor of the network. */
  private static final class Actor {
    enum Type {
      BANK("bank", false), COURIER("courier", false), HOSPITAL("hospital", false), CALL_CENTRE("call_centre", false),
      TELEMARKETER("marketing", true), COLLECTOR("debt_collection", true), ONE_RING("one_ring", true);

      final String code;
      final boolean abusive;

      Type(String code, boolean abusive) {
        this.code = code;
        this.abusive = abusive;
      }
    }

    final Type type;
    final long number;
    final long begin;
    final List<Integer> borrowers = new ArrayList<>();
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;

    Actor(Type type, long number, long begin) {
      this.type = type;
      this.number = number;
      this.begin = begin;
    }
  }

  /** One planned bombing attack. */
  private static final class Attack {
    final long target;
    final long start;
    final long length;
    final long gap;
    final long[] sources;
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;

    Attack(long target, long start, long length, long gap, long[] sources) {
      this.target = target;
      this.start = start;
      this.length = length;
      this.gap = gap;
      this.sources = sources;
    }
  }
}
