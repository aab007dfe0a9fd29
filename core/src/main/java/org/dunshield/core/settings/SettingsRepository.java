package org.dunshield.core.settings;

/** Stored settings. Implementations are thread-safe. */
public interface SettingsRepository {
  /** The stored settings, or {@link Settings#defaults()} when none were saved. */
  Settings load();

  /** Replaces the stored settings. */
  void save(Settings settings);
}
