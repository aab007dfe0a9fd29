package org.dunshield.store.internal;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.flywaydb.core.api.logging.Log;
import org.flywaydb.core.api.logging.LogCreator;

/**
 * Keeps Flyway quiet: its progress messages would otherwise reach the command line on every start.
 * Warnings and errors go to {@code java.util.logging} under {@code org.dunshield.store}. Public only
 * because Flyway instantiates it by class name. Thread-safe.
 */
public final class QuietFlywayLog implements LogCreator, Log {
  private static final Logger LOGGER = Logger.getLogger("org.dunshield.store");

  public QuietFlywayLog() {}

  @Override
  public Log createLogger(Class<?> clazz) {
    return this;
  }

  @Override
  public void debug(String message) {}

  @Override
  public void info(String message) {}

  @Override
  public void notice(String message) {}

  @Override
  public void warn(String message) {
    LOGGER.warning(message);
  }

  @Override
  public void error(String message) {
    LOGGER.severe(message);
  }

  @Override
  public void error(String message, Exception e) {
    LOGGER.log(Level.SEVERE, message, e);
  }
}
