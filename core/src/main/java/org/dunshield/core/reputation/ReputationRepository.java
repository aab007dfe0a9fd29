package org.dunshield.core.reputation;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.dunshield.core.number.PhoneNumber;

/**
 * Where reports, reporters, disputes and the reputation settings are kept. Implementations store
 * what they are given (validation and the model are {@link Reputations}' job), are thread-safe, and
 * keep nothing about lookups. Numbers are keyed by {@link PhoneNumber#digits()}.
 */
public interface ReputationRepository {
  /** The live report of {@code reporter} on {@code number}. */
  Optional<Report> find(PhoneNumber number, String reporter);

  /** Every live report on {@code number}, oldest first. */
  List<Report> reportsOn(PhoneNumber number);

  /** Every live report on numbers whose E.164 digits lie in {@code [fromDigits, toDigits]}, by digits. */
  List<Report> reportsBetween(long fromDigits, long toDigits);

  /** How many live reports {@code reporter} made at or after {@code since}. */
  int countSince(String reporter, Instant since);

  /**
   * Stores {@code report}, replacing the live report of its reporter on its number, and saves
   * {@code reporters}, in one transaction.
   */
  void record(Report report, List<Reporter> reporters);

  /**
   * Stores every report (each replacing its reporter's live report on its number; a later one in
   * the list wins) and saves {@code reporters}, in one transaction: all or nothing.
   */
  void importAll(List<Report> reports, List<Reporter> reporters);

  /** Calls {@code visitor} once per reported number, in ascending order of digits, with its live reports. */
  void forEachNumber(Consumer<List<Report>> visitor);

  /** The number of live reports. */
  long countReports();

  Optional<Reporter> reporter(String id);

  /** The stored reporters among {@code ids}. */
  Map<String, Reporter> reporters(Collection<String> ids);

  /** Every stored reporter. */
  List<Reporter> allReporters();

  /** Saves (inserts or replaces) reporter states. */
  void saveReporters(List<Reporter> reporters);

  /** Stores a new open dispute; returns its id (ids start at 1 and increase). */
  long openDispute(Dispute dispute);

  Optional<Dispute> dispute(long id);

  /** The open dispute on {@code number}, if any. */
  Optional<Dispute> openDisputeOn(PhoneNumber number);

  /** Every dispute, by id. */
  List<Dispute> disputes();

  /**
   * Resolves a dispute in one transaction: stores {@code resolved} (same id), deletes the live
   * {@code withdrawn} reports, stores {@code moderation} when not {@code null}, saves {@code reporters}.
   */
  void resolveDispute(Dispute resolved, List<Report> withdrawn, Report moderation, List<Reporter> reporters);

  /** The stored reputation settings (key to text value). */
  Map<String, String> settings();

  void saveSetting(String key, String value);
}
