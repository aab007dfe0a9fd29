package org.dunshield.server;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;

/**
 * The workspaces of every account, built on first use by the composition root's factory and kept
 * (each holds a live-screening cache). Thread-safe.
 */
public final class Workspaces {
  private final LongFunction<Workspace> factory;
  private final ConcurrentHashMap<Long, Workspace> built = new ConcurrentHashMap<>();

  public Workspaces(LongFunction<Workspace> factory) {
    this.factory = Objects.requireNonNull(factory, "factory");
  }

  /** The workspace of account {@code owner}. */
  public Workspace of(long owner) {
    Workspace w = built.computeIfAbsent(owner, factory::apply);
    if (w.owner() != owner) {
      throw new IllegalStateException("the factory built owner " + w.owner() + "'s workspace for owner " + owner);
    }
    return w;
  }
}
