package org.dunshield.store;

/**
 * A database operation failed: the message names the operation and the database's own reason.
 * Unchecked, so the core's repository ports stay free of JDBC types.
 */
public final class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  StoreException(String operation, Exception cause) {
    super("could not " + operation + ": " + cause.getMessage(), cause);
  }

  StoreException(String message) {
    super(message);
  }
}
