package org.dunshield.core.reputation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.dunshield.core.number.PhoneNumber;

/**
 * A {@link ReputationRepository} in memory, for tests and for a device that keeps no database.
 * Thread-safe (every method is synchronised).
 */
public final class InMemoryReputationRepository implements ReputationRepository {
  /** Per number digits: reporter id to live report. */
  private final NavigableMap<Long, Map<String, Report>> reports = new TreeMap<>();
  private final Map<String, Reporter> reporters = new HashMap<>();
  private final Map<Long, Dispute> disputes = new LinkedHashMap<>();
  private final Map<String, String> settings = new LinkedHashMap<>();
  private long nextDispute = 1;

  @Override
  public synchronized Optional<Report> find(PhoneNumber number, String reporter) {
    Map<String, Report> on = reports.get(number.digits());
    return on == null ? Optional.empty() : Optional.ofNullable(on.get(reporter));
  }

  @Override
  public synchronized List<Report> reportsOn(PhoneNumber number) {
    Map<String, Report> on = reports.get(number.digits());
    if (on == null) {
      return List.of();
    }
    List<Report> list = new ArrayList<>(on.values());
    list.sort(Comparator.comparing(Report::at).thenComparing(Report::reporter));
    return list;
  }

  @Override
  public synchronized List<Report> reportsBetween(long fromDigits, long toDigits) {
    List<Report> list = new ArrayList<>();
    for (Map<String, Report> on : reports.subMap(fromDigits, true, toDigits, true).values()) {
      List<Report> group = new ArrayList<>(on.values());
      group.sort(Comparator.comparing(Report::at).thenComparing(Report::reporter));
      list.addAll(group);
    }
    return list;
  }

  @Override
  public synchronized int countSince(String reporter, Instant since) {
    int count = 0;
    for (Map<String, Report> on : reports.values()) {
      Report r = on.get(reporter);
      if (r != null && !r.at().isBefore(since)) {
        count++;
      }
    }
    return count;
  }

  @Override
  public synchronized void record(Report report, List<Reporter> updated) {
    put(report);
    saveReporters(updated);
  }

  @Override
  public synchronized void importAll(List<Report> all, List<Reporter> updated) {
    for (Object o : all) {
      java.util.Objects.requireNonNull(o, "a report to import is null"); // before anything changes
    }
    for (Object o : updated) {
      java.util.Objects.requireNonNull(o, "a reporter to import is null");
    }
    for (Report r : all) {
      put(r);
    }
    saveReporters(updated);
  }

  private void put(Report report) {
    reports.computeIfAbsent(report.number().digits(), k -> new LinkedHashMap<>()).put(report.reporter(), report);
  }

  @Override
  public void forEachNumber(Consumer<List<Report>> visitor) {
    List<List<Report>> groups = new ArrayList<>();
    synchronized (this) {
      for (Long digits : reports.keySet()) {
        groups.add(reportsOn(reports.get(digits).values().iterator().next().number()));
      }
    }
    groups.forEach(visitor);
  }

  @Override
  public synchronized long countReports() {
    long n = 0;
    for (Map<String, Report> on : reports.values()) {
      n += on.size();
    }
    return n;
  }

  @Override
  public synchronized Optional<Reporter> reporter(String id) {
    return Optional.ofNullable(reporters.get(id));
  }

  @Override
  public synchronized Map<String, Reporter> reporters(Collection<String> ids) {
    Map<String, Reporter> found = new HashMap<>();
    for (String id : ids) {
      Reporter r = reporters.get(id);
      if (r != null) {
        found.put(id, r);
      }
    }
    return found;
  }

  @Override
  public synchronized List<Reporter> allReporters() {
    return List.copyOf(reporters.values());
  }

  @Override
  public synchronized void saveReporters(List<Reporter> updated) {
    for (Reporter r : updated) {
      reporters.put(r.id(), r);
    }
  }

  @Override
  public synchronized long openDispute(Dispute dispute) {
    long id = nextDispute++;
    disputes.put(id, dispute.withId(id));
    return id;
  }

  @Override
  public synchronized Optional<Dispute> dispute(long id) {
    return Optional.ofNullable(disputes.get(id));
  }

  @Override
  public synchronized Optional<Dispute> openDisputeOn(PhoneNumber number) {
    return disputes.values().stream()
        .filter(d -> d.state() == Dispute.State.OPEN && d.number().equals(number))
        .findFirst();
  }

  @Override
  public synchronized List<Dispute> disputes() {
    return List.copyOf(disputes.values());
  }

  @Override
  public synchronized void resolveDispute(Dispute resolved, List<Report> withdrawn, Report moderation,
      List<Reporter> updated) {
    disputes.put(resolved.id(), resolved);
    for (Report r : withdrawn) {
      Map<String, Report> on = reports.get(r.number().digits());
      if (on != null) {
        on.remove(r.reporter());
        if (on.isEmpty()) {
          reports.remove(r.number().digits());
        }
      }
    }
    if (moderation != null) {
      put(moderation);
    }
    saveReporters(updated);
  }

  @Override
  public synchronized Map<String, String> settings() {
    return Map.copyOf(settings);
  }

  @Override
  public synchronized void saveSetting(String key, String value) {
    settings.put(key, value);
  }
}
