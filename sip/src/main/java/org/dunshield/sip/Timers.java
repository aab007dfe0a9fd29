package org.dunshield.sip;

import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The SIP transaction timers (RFC 3261 17): one thread, one first-in-first-out queue per delay. SIP
 * uses a handful of fixed delays (T1 doubled, T2, T4, 64 × T1), so each queue is in due order as
 * it is filled and a timer costs an append, where a priority queue would cost a sift under a lock
 * for each of the tens of thousands of timers a second at 1,000 calls/s. Timers are not cancelled:
 * each task checks whether its transaction still needs it. Due tasks run within {@link #TICK_MILLIS}.
 * Thread-safe.
 */
final class Timers implements AutoCloseable {
  static final long TICK_MILLIS = 5;
  private static final System.Logger LOG = System.getLogger(Timers.class.getName());

  private record Entry(long due, Runnable task) {}

  private final ConcurrentHashMap<Long, Queue<Entry>> queues = new ConcurrentHashMap<>();
  private final Thread thread;
  private volatile boolean open = true;

  Timers(String name) {
    thread = new Thread(this::run, name);
    thread.setDaemon(true);
    thread.start();
  }

  /** Runs {@code task} on the timer thread after {@code millis}. */
  void after(long millis, Runnable task) {
    queues.computeIfAbsent(millis, m -> new ConcurrentLinkedQueue<>())
        .add(new Entry(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis), task));
  }

  private void run() {
    while (open) {
      long now = System.nanoTime();
      for (Queue<Entry> queue : queues.values()) {
        Entry head;
        while ((head = queue.peek()) != null && head.due - now <= 0) {
          queue.poll();
          try {
            head.task.run();
          } catch (RuntimeException | StackOverflowError e) {
            LOG.log(System.Logger.Level.WARNING, "a SIP timer failed: " + e, e);
          }
        }
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(TICK_MILLIS));
    }
  }

  @Override
  public void close() {
    open = false;
    LockSupport.unpark(thread);
  }
}
