package org.dunshield.core.reputation;

import java.util.Objects;
import org.dunshield.core.event.Channel;
import org.dunshield.core.screen.Action;
import org.dunshield.core.screen.Check;
import org.dunshield.core.screen.Incoming;
import org.dunshield.core.screen.Reason;
import org.dunshield.core.screen.ScreeningContext;
import org.dunshield.core.screen.Verdict;

/**
 * The community reputation in screening: a caller or sender whose number (or number block) carries
 * a harmful label with a score of at least the threshold is blocked ("debt collection — 312
 * reports"); marketing, SMS and numbers under an open dispute are silenced instead. Benign labels
 * and unsettled ones leave the decision to lower checks. Runs at {@value #DEFAULT_PRIORITY} by
 * default: below user rules, contacts, dialled and service numbers (so they still win) and below
 * the detectors. Immutable; thread-safe when the lookup is.
 */
public final class ReputationCheck implements Check {
  /** Below the detectors (600–750), above the repeat-caller exception (500). */
  public static final int DEFAULT_PRIORITY = 550;

  public static final String ID = "reputation";

  private final ReputationLookup lookup;
  private final double threshold;
  private final int priority;

  public ReputationCheck(ReputationLookup lookup, double threshold, int priority) {
    this.lookup = Objects.requireNonNull(lookup, "lookup");
    if (!(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException("the reputation threshold must be above 0 and at most 1, got " + threshold);
    }
    this.threshold = threshold;
    this.priority = priority;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public int priority() {
    return priority;
  }

  public double threshold() {
    return threshold;
  }

  @Override
  public Verdict check(Incoming incoming, ScreeningContext context) {
    if (incoming.withheld()) {
      return null;
    }
    Reputation r = lookup.lookup(incoming.number(), incoming.at());
    if (!r.harmful() || r.score() < threshold) {
      return null;
    }
    boolean gentle = incoming.channel() == Channel.SMS || r.disputed()
        || r.category() == org.dunshield.core.screen.Category.MARKETING;
    return new Verdict(gentle ? Action.SILENCE : Action.BLOCK, ID, null, r.category(), reason(r), incoming.number());
  }

  /** "debt collection — 312 reports" / "催收 — 312 人举报", or the block's count for a block label. */
  public static Reason reason(Reputation r) {
    String zh;
    String en;
    if (r.block() != null) {
      int n = r.block().flagged();
      zh = r.category().zh() + " — 号段 " + r.block().pattern() + " 已有 " + n + " 个号码被举报";
      en = r.category().en() + " — block " + r.block().pattern() + ": " + n + (n == 1 ? " number" : " numbers")
          + " reported";
    } else {
      int n = r.supporters();
      String count = n + (r.approximate() ? "+" : "");
      zh = r.category().zh() + " — " + count + " 人举报";
      en = r.category().en() + " — " + count + (n == 1 && !r.approximate() ? " report" : " reports");
    }
    if (r.disputed()) {
      zh += "；号码主人已申诉，仅静音";
      en += "; disputed by its owner, so silenced rather than blocked";
    }
    return new Reason(zh, en);
  }
}
