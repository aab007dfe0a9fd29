package org.dunshield.core.reputation;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.dunshield.core.number.PhoneNumber;
import org.dunshield.core.screen.Category;

/**
 * The aggregate of one number's reports, as {@code docs/reputation.md} derives it: each report
 * weighs its reporter's trust (newcomers on one number sharing a capped pool) times its age decay;
 * each polarity's evidence saturates; the score is the winning polarity's evidence against all
 * evidence plus a prior. Stateless.
 */
final class Scoring {
  private Scoring() {}

  static Reputation aggregate(PhoneNumber number, List<Report> reports, Function<String, Reporter> reporters,
      ReputationPolicy policy, Instant now, boolean disputed) {
    int n = reports.size();
    if (n == 0) {
      return Reputation.unknown(number, disputed);
    }
    double[] base = new double[n];
    boolean[] newcomer = new boolean[n];
    double pool = 0;
    for (int i = 0; i < n; i++) {
      Report r = reports.get(i);
      Reporter who = reporters.apply(r.reporter());
      if (who == null) {
        who = Reporter.fresh(r.reporter(), r.at());
      }
      base[i] = policy.trust(who, now);
      newcomer[i] = policy.newcomer(who, now) || r.contested();
      if (newcomer[i]) {
        pool += base[i];
      }
    }
    double poolScale = pool > policy.newcomerPool() ? policy.newcomerPool() / pool : 1.0;
    double[] undecayed = new double[2];
    double[] decayed = new double[2];
    double[] perCategory = new double[Category.values().length];
    Map<Category, Integer> counts = new EnumMap<>(Category.class);
    int[] byPolarity = new int[2];
    Instant first = null;
    Instant last = null;
    for (int i = 0; i < n; i++) {
      Report r = reports.get(i);
      double w = base[i] * (newcomer[i] ? poolScale : 1.0);
      double d = policy.decay(Duration.between(r.at(), now));
      int p = r.polarity().ordinal();
      undecayed[p] += w;
      decayed[p] += w * d;
      perCategory[r.category().ordinal()] += w * d;
      counts.merge(r.category(), 1, Integer::sum);
      byPolarity[p]++;
      first = first == null || r.at().isBefore(first) ? r.at() : first;
      last = last == null || r.at().isAfter(last) ? r.at() : last;
    }
    double harm = evidence(undecayed[0], decayed[0], policy.saturation());
    double good = evidence(undecayed[1], decayed[1], policy.saturation());
    double total = harm + good + policy.prior();
    Polarity winner = harm > good ? Polarity.HARMFUL : Polarity.BENIGN;
    double winning = winner == Polarity.HARMFUL ? harm : good;
    Category category = null;
    if (winning > 0) {
      double best = -1;
      for (Category c : Category.values()) {
        if (Polarity.of(c) == winner && perCategory[c.ordinal()] > best && counts.containsKey(c)) {
          best = perCategory[c.ordinal()];
          category = c;
        }
      }
    }
    double score = category == null ? 0 : clamp(winning / total);
    return new Reputation(number, category, score, clamp((harm + good) / total), n,
        category == null ? 0 : byPolarity[winner.ordinal()], false, first, last, disputed,
        category == null ? Reputation.Source.NONE : Reputation.Source.NUMBER, null, counts);
  }

  /** Decayed evidence, scaled down when the undecayed evidence exceeds the saturation. */
  private static double evidence(double undecayed, double decayed, double saturation) {
    if (undecayed <= 0) {
      return 0;
    }
    return decayed * Math.min(1.0, saturation / undecayed);
  }

  private static double clamp(double v) {
    return Math.max(0, Math.min(1, v));
  }

  /**
   * The label of a block from its members' aggregates, or {@code null} when too few of them are
   * settled as harmful or too many as benign.
   */
  static BlockLabel block(int size, long prefix, List<Reputation> members, ReputationPolicy policy) {
    int flagged = 0;
    int benign = 0;
    double scores = 0;
    int[] perCategory = new int[Category.values().length];
    for (Reputation m : members) {
      if (m.source() != Reputation.Source.NUMBER || !m.settled(policy.threshold())) {
        continue;
      }
      if (m.harmful()) {
        flagged++;
        scores += m.score();
        perCategory[m.category().ordinal()]++;
      } else {
        benign++;
      }
    }
    int minimum = size == 100 ? policy.minFlaggedPer100() : policy.minFlaggedPer10000();
    if (flagged < minimum || flagged < policy.blockBenignRatio() * benign) {
      return null;
    }
    Category category = null;
    for (Category c : Category.values()) {
      if (category == null || perCategory[c.ordinal()] > perCategory[category.ordinal()]) {
        category = c;
      }
    }
    double score = scores / flagged * flagged / (flagged + benign);
    return new BlockLabel(size, prefix, category, clamp(score), flagged, benign);
  }
}
