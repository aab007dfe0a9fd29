package org.dunshield.core.report;

import java.time.ZoneId;
import java.util.List;
import org.dunshield.core.history.HistoryEntry;

/**
 * Where a report's conduct-rule violations come from: the extension point for the conduct analysis
 * of the detection work ({@code org.dunshield.core.conduct}, the rule sets of domain notes §4). The
 * composition root passes an adapter over that analysis; until one exists it passes {@link #NONE}
 * and reports say that no analysis was run, rather than claiming there were no violations.
 */
@FunctionalInterface
public interface ConductFindings {
  /** No analysis available: {@link CaseReport#conductAnalysed()} is false. */
  ConductFindings NONE = (events, zone) -> null;

  /** The violations in {@code events} (oldest first), or {@code null} when no analysis is available. */
  List<Violation> find(List<HistoryEntry> events, ZoneId zone);
}
