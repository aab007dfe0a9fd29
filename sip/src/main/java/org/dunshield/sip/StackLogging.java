package org.dunshield.sip;

import org.apache.log4j.Level;
import org.apache.log4j.Logger;

/**
 * JAIN-SIP logs through log4j (reload4j here). Unless the application configured log4j itself, its
 * {@code gov.nist} loggers are switched off so the service's output stays its own.
 */
final class StackLogging {
  private StackLogging() {}

  static void quiet() {
    Logger root = Logger.getRootLogger();
    if (!root.getAllAppenders().hasMoreElements()) {
      root.addAppender(new org.apache.log4j.varia.NullAppender());
      Logger.getLogger("gov.nist").setLevel(Level.OFF);
    }
  }
}
