package org.dunshield.server.web;

/**
 * Not this account's object, or no such object: answered 404 either way, so one account cannot
 * even learn which ids exist in another's data.
 */
final class NotFound extends RuntimeException {
  private static final long serialVersionUID = 1L;

  NotFound() {
    super("not found", null, false, false);
  }
}
