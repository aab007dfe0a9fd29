package org.dunshield.server;

import java.util.concurrent.Semaphore;

/**
 * Admission control in front of screening (and so in front of its history writes): at most
 * {@code permits} requests are screened at once; one that finds no permit is refused at once (503
 * with {@code Retry-After}) rather than queued, so under overload the accepted requests keep their
 * latency and every accepted request's history write completes before its answer. Thread-safe.
 */
final class Admission {
  private final Semaphore permits;

  Admission(int permits) {
    this.permits = new Semaphore(permits);
  }

  boolean tryEnter() {
    return permits.tryAcquire();
  }

  void leave() {
    permits.release();
  }
}
