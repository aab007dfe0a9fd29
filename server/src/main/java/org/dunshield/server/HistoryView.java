package org.dunshield.server;

import java.util.List;
import org.dunshield.core.history.HistoryEntry;

/** Read access to recent history for the pages. */
@FunctionalInterface
public interface HistoryView {
  /** The latest {@code limit} entries, newest first. */
  List<HistoryEntry> recent(int limit);
}
