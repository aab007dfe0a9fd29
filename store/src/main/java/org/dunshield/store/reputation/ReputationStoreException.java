package org.dunshield.store.reputation;

/** A reputation database operation failed: the message names the operation and the database's reason. */
public final class ReputationStoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ReputationStoreException(String operation, Exception cause) {
    super("could not " + operation + ": " + cause.getMessage(), cause);
  }

  ReputationStoreException(String message) {
    super(message);
  }
}
