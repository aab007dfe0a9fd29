package org.dunshield.core.history;

/** What an import did: how many items were added and how many were already there or not applicable. */
public record ImportCount(long imported, long skipped) {
  public ImportCount {
    if (imported < 0 || skipped < 0) {
      throw new IllegalArgumentException("counts must not be negative");
    }
  }

  public ImportCount plus(ImportCount other) {
    return new ImportCount(imported + other.imported, skipped + other.skipped);
  }
}
