package org.dunshield.server;

import java.util.Objects;
import org.dunshield.core.detect.DetectionSettings;
import org.dunshield.core.loan.LoanDesk;
import org.dunshield.core.screen.LiveScreening;
import org.dunshield.core.screen.Screener;
import org.dunshield.server.evidence.CaseDesk;
import org.dunshield.store.HistoryQueries;
import org.dunshield.store.Repositories;

/**
 * Everything one account may touch, already scoped to its owner id in the store: its repositories,
 * history queries, live screening, loan desk and case desk. Every page and API handler reaches data
 * only through the workspace of the request's principal. Thread-safe.
 */
public record Workspace(long owner, Repositories repositories, HistoryQueries history, LiveScreening screening,
    Screener screener, DetectionSettings detection, LoanDesk loans, CaseDesk cases) {
  public Workspace {
    Objects.requireNonNull(repositories, "repositories");
    Objects.requireNonNull(history, "history");
    Objects.requireNonNull(screening, "screening");
    Objects.requireNonNull(screener, "screener");
    Objects.requireNonNull(detection, "detection");
    Objects.requireNonNull(loans, "loans");
    Objects.requireNonNull(cases, "cases");
    if (repositories.owner() != owner) {
      throw new IllegalArgumentException("the repositories belong to owner " + repositories.owner() + ", not " + owner);
    }
  }
}
