package org.dunshield.core.reputation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.dunshield.core.number.PhoneNumber;
import org.dunshield.core.screen.Category;

/**
 * The community reputation over a {@link ReputationRepository}: takes reports (one live report per
 * reporter and number, duplicates and floods refused, reporters judged against settled labels),
 * answers lookups (number first, then its blocks of 100 and 10,000), handles vouching and disputes,
 * imports seed lists all or nothing, and publishes every label for snapshots and exports.
 *
 * <p>Time comes from the injected clock. Thread-safe: changes are serialised in this instance;
 * several processes sharing one database may race on a reporter's counters, never on reports.
 * Lookups read and never write: nothing records who looked up what.
 */
public final class Reputations implements ReputationLookup {
  /** The local user of a single-user installation: vouched. */
  public static final String LOCAL_REPORTER = "local";

  /** The reporter of the counter-reports that upheld disputes leave: vouched. */
  public static final String MODERATION = "moderation";

  private static final Duration DAY = Duration.ofHours(24);

  private final ReputationRepository repository;
  private final ReputationPolicy policy;
  private final Clock clock;

  public Reputations(ReputationRepository repository, ReputationPolicy policy, Clock clock) {
    this.repository = Objects.requireNonNull(repository, "repository");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public ReputationPolicy policy() {
    return policy;
  }

  public ReputationRepository repository() {
    return repository;
  }

  /**
   * Takes a report made now by {@code reporterId}. The reporter's first report creates it (a
   * newcomer, unless it is {@link #LOCAL_REPORTER}, which is vouched).
   *
   * @throws IllegalArgumentException for a malformed comment or reporter id
   * @throws ReportRefusedException for a duplicate or a reporter over its daily limit
   */
  public synchronized ReportOutcome report(PhoneNumber number, Category category, String comment, String reporterId) {
    Instant now = clock.instant();
    Report report = new Report(number, category, comment, reporterId, now);
    Reporter reporter = repository.reporter(reporterId)
        .orElseGet(() -> Reporter.fresh(reporterId, now).withVouched(reporterId.equals(LOCAL_REPORTER)));
    Optional<Report> previous = repository.find(number, reporterId);
    if (previous.isPresent()) {
      Report p = previous.get();
      boolean recent = Duration.between(p.at(), now).compareTo(policy.duplicateWindow()) < 0;
      if (recent && p.category() == category && p.comment().equals(report.comment())) {
        throw new ReportRefusedException(ReportRefusedException.Reason.DUPLICATE, reporterId + " already reported "
            + number.e164() + " as " + category.code() + " at " + p.at() + "; one live report per reporter and number,"
            + " repeating it within " + policy.duplicateWindow().toHours() + " hours changes nothing");
      }
    }
    boolean countedToday = previous.isPresent() && !previous.get().at().isBefore(now.minus(DAY));
    if (!countedToday) {
      int limit = policy.dailyLimit(reporter, now);
      if (limit != Integer.MAX_VALUE && repository.countSince(reporterId, now.minus(DAY)) >= limit) {
        throw new ReportRefusedException(ReportRefusedException.Reason.RATE_LIMITED, reporterId + " reported "
            + limit + " numbers in the last 24 hours, its limit" + (policy.newcomer(reporter, now)
            ? " as a newcomer" : "") + "; try again later");
      }
    }
    List<Report> others = new ArrayList<>();
    for (Report r : repository.reportsOn(number)) {
      if (!r.reporter().equals(reporterId)) {
        others.add(r);
      }
    }
    Map<String, Reporter> known = repository.reporters(reportersOf(others));
    List<Reporter> updated = new ArrayList<>();
    boolean polarityChanged = previous.isEmpty() || previous.get().polarity() != report.polarity();
    if (polarityChanged) {
      Reputation before = Scoring.aggregate(number, others, known::get, policy, now, false);
      if (before.settled(policy.threshold())) {
        boolean agrees = Polarity.of(before.category()) == report.polarity();
        if (previous.isEmpty()) {
          reporter = agrees ? reporter.confirmedOnce() : reporter.contradictedOnce();
        }
        report = report.withContested(!agrees && !reporter.vouched());
      }
    } else {
      report = report.withContested(previous.get().contested());
    }
    if (reporter.vouched() && polarityChanged) {
      for (Report other : others) {
        Reporter o = known.get(other.reporter());
        if (other.polarity() != report.polarity() && o != null && !o.vouched()) {
          updated.add(o.contradictedOnce());
        }
      }
    }
    updated.add(reporter);
    repository.record(report, updated);
    return previous.isPresent() ? ReportOutcome.REPLACED : ReportOutcome.ACCEPTED;
  }

  /** What is known about {@code number} now. */
  /**
   * This reputation as the screening check reads it: while the store holds no report at all, every
   * number is unknown, and the store is not asked (three queries a call, on a line or a server with
   * no community data). Whether it is empty is checked at most every {@code recheck} of the clock,
   * so a first report takes effect within that time, like rule changes made by another process.
   * Thread-safe.
   */
  public ReputationLookup forScreening(Duration recheck) {
    Objects.requireNonNull(recheck, "recheck");
    return new ReputationLookup() {
      private volatile Instant checked;
      private volatile boolean empty;

      @Override
      public Reputation lookup(PhoneNumber number, Instant at) {
        Instant now = clock.instant();
        Instant last = checked;
        if (last == null || now.isBefore(last) || !now.isBefore(last.plus(recheck))) {
          empty = repository.countReports() == 0;
          checked = now;
        }
        return empty ? Reputation.unknown(number, false) : Reputations.this.lookup(number, at);
      }
    };
  }

  public Reputation lookup(PhoneNumber number) {
    return lookup(number, clock.instant());
  }

  /**
   * What is known about {@code number} at {@code at}: its own label when settled; otherwise the label
   * of its block of 100, then of 10,000; otherwise its own unsettled evidence.
   */
  @Override
  public Reputation lookup(PhoneNumber number, Instant at) {
    Objects.requireNonNull(number, "number");
    boolean disputed = repository.openDisputeOn(number).isPresent();
    List<Report> own = repository.reportsOn(number);
    Map<String, Reporter> known = repository.reporters(reportersOf(own));
    Reputation reputation = Scoring.aggregate(number, own, known::get, policy, at, disputed);
    if (reputation.settled(policy.threshold())) {
      return reputation;
    }
    long block = BlockLabel.prefixOf(number.digits(), 10_000);
    if (block < 0) {
      return reputation;
    }
    List<Report> neighbours = repository.reportsBetween(block * 10_000, block * 10_000 + 9_999);
    if (neighbours.isEmpty()) {
      return reputation;
    }
    Map<String, Reporter> neighbourReporters = repository.reporters(reportersOf(neighbours));
    List<Reputation> members = new ArrayList<>();
    List<Reputation> sameHundred = new ArrayList<>();
    long hundred = number.digits() / 100;
    for (List<Report> group : byNumber(neighbours)) {
      PhoneNumber member = group.get(0).number();
      Reputation m = Scoring.aggregate(member, group, neighbourReporters::get, policy, at, false);
      members.add(m);
      if (member.digits() / 100 == hundred) {
        sameHundred.add(m);
      }
    }
    BlockLabel label = Scoring.block(100, hundred, sameHundred, policy);
    if (label == null) {
      label = Scoring.block(10_000, block, members, policy);
    }
    return label != null && label.score() >= policy.threshold() ? reputation.fromBlock(label) : reputation;
  }

  /** Vouches for a reporter (or withdraws it), creating the reporter when unknown. */
  public synchronized Reporter vouch(String reporterId, boolean vouched) {
    Reporter r = repository.reporter(reporterId).orElseGet(() -> Reporter.fresh(reporterId, clock.instant()))
        .withVouched(vouched);
    repository.saveReporters(List.of(r));
    return r;
  }

  /**
   * Opens a dispute by the owner of a number against its label.
   *
   * @throws IllegalArgumentException when the number already has an open dispute, or the statement is missing
   */
  public synchronized Dispute dispute(PhoneNumber number, String claimant, String statement) {
    Optional<Dispute> open = repository.openDisputeOn(number);
    if (open.isPresent()) {
      throw new IllegalArgumentException(number.e164() + " already has an open dispute, #" + open.get().id());
    }
    Dispute d = new Dispute(0, number, claimant, statement, clock.instant(), Dispute.State.OPEN, null, null);
    return d.withId(repository.openDispute(d));
  }

  /**
   * Resolves an open dispute. Upheld: the harmful reports on the number are withdrawn, each of their
   * unvouched reporters is counted as contradicted, and a vouched {@link #MODERATION} counter-report
   * with {@code rightful} (default {@code normal}) stands. Rejected: nothing else changes.
   *
   * @throws IllegalArgumentException for an unknown or already resolved dispute, or a harmful {@code rightful}
   */
  public synchronized Dispute resolve(long disputeId, boolean upheld, Category rightful) {
    Dispute d = repository.dispute(disputeId)
        .orElseThrow(() -> new IllegalArgumentException("no dispute #" + disputeId));
    if (d.state() != Dispute.State.OPEN) {
      throw new IllegalArgumentException("dispute #" + disputeId + " is already " + d.state().code());
    }
    Instant now = clock.instant();
    if (!upheld) {
      Dispute rejected = new Dispute(d.id(), d.number(), d.claimant(), d.statement(), d.openedAt(),
          Dispute.State.REJECTED, now, null);
      repository.resolveDispute(rejected, List.of(), null, List.of());
      return rejected;
    }
    Category category = rightful == null ? Category.NORMAL : rightful;
    Dispute done = new Dispute(d.id(), d.number(), d.claimant(), d.statement(), d.openedAt(), Dispute.State.UPHELD,
        now, category);
    List<Report> withdrawn = new ArrayList<>();
    for (Report r : repository.reportsOn(d.number())) {
      if (r.polarity() == Polarity.HARMFUL) {
        withdrawn.add(r);
      }
    }
    List<Reporter> updated = new ArrayList<>();
    for (Reporter r : repository.reporters(reportersOf(withdrawn)).values()) {
      if (!r.vouched()) {
        updated.add(r.contradictedOnce());
      }
    }
    if (repository.reporter(MODERATION).isEmpty()) {
      updated.add(Reporter.fresh(MODERATION, now).withVouched(true));
    }
    Report moderation = new Report(d.number(), category, "dispute #" + d.id() + " upheld", MODERATION, now);
    repository.resolveDispute(done, withdrawn, moderation, updated);
    return done;
  }

  /**
   * Stores seed reports (from an import) all or nothing. Their reporters are vouched: importing is
   * the operator's decision. No rate limit or judging applies.
   */
  public synchronized int importSeeds(List<Report> reports) {
    Instant now = clock.instant();
    Set<String> ids = reportersOf(reports);
    Map<String, Reporter> known = repository.reporters(ids);
    List<Reporter> reporters = new ArrayList<>();
    for (String id : ids) {
      Reporter r = known.get(id);
      reporters.add((r == null ? Reporter.fresh(id, now) : r).withVouched(true));
    }
    repository.importAll(reports, reporters);
    return reports.size();
  }

  /**
   * Publishes every label as of {@code at}: {@code numbers} receives each reported number's own
   * aggregate (settled or not) in ascending order of digits, {@code blocks} each labelled block of
   * 100 and 10,000 once its last number has passed.
   */
  public void publish(Instant at, Consumer<Reputation> numbers, Consumer<BlockLabel> blocks) {
    Map<String, Reporter> reporters = new HashMap<>();
    for (Reporter r : repository.allReporters()) {
      reporters.put(r.id(), r);
    }
    Set<Long> disputed = new HashSet<>();
    for (Dispute d : repository.disputes()) {
      if (d.state() == Dispute.State.OPEN) {
        disputed.add(d.number().digits());
      }
    }
    BlockAccumulator hundreds = new BlockAccumulator(100, blocks);
    BlockAccumulator tenThousands = new BlockAccumulator(10_000, blocks);
    repository.forEachNumber(group -> {
      PhoneNumber number = group.get(0).number();
      Reputation r = Scoring.aggregate(number, group, reporters::get, policy, at,
          disputed.contains(number.digits()));
      numbers.accept(r);
      hundreds.add(r);
      tenThousands.add(r);
    });
    hundreds.flush();
    tenThousands.flush();
  }

  /** Collects the members of consecutive blocks of one size and emits their labels. */
  private final class BlockAccumulator {
    private final int size;
    private final Consumer<BlockLabel> sink;
    private final List<Reputation> members = new ArrayList<>();
    private long current = -1;

    BlockAccumulator(int size, Consumer<BlockLabel> sink) {
      this.size = size;
      this.sink = sink;
    }

    void add(Reputation r) {
      long prefix = BlockLabel.prefixOf(r.number().digits(), size);
      if (prefix < 0) {
        return;
      }
      if (prefix != current) {
        flush();
        current = prefix;
      }
      if (r.settled(policy.threshold())) {
        members.add(r);
      }
    }

    void flush() {
      if (current >= 0 && !members.isEmpty()) {
        BlockLabel label = Scoring.block(size, current, members, policy);
        if (label != null && label.score() >= policy.threshold()) {
          sink.accept(label);
        }
      }
      members.clear();
    }
  }

  private static Set<String> reportersOf(List<Report> reports) {
    Set<String> ids = new HashSet<>();
    for (Report r : reports) {
      ids.add(r.reporter());
    }
    return ids;
  }

  /** Reports grouped by number, keeping the order of first appearance. */
  private static List<List<Report>> byNumber(List<Report> reports) {
    Map<Long, List<Report>> groups = new LinkedHashMap<>();
    for (Report r : reports) {
      groups.computeIfAbsent(r.number().digits(), k -> new ArrayList<>()).add(r);
    }
    return new ArrayList<>(groups.values());
  }
}
