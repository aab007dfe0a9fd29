package org.dunshield.core.loan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Payments against a contract: where each went (art. 561) and where the loan stands on a date.
 * Payments are taken in date order; on the same date, in the order given. A payment before signing,
 * on a loan already paid off, or above everything owed is rejected with an
 * {@link IllegalArgumentException}. Stateless and thread-safe.
 */
public final class Ledger {
  private Ledger() {}

  /** Allocates every payment; throws on the first one that cannot be accepted. */
  public static List<Allocation> allocate(Contract contract, List<Payment> payments) {
    Account account = new Account(contract);
    List<Allocation> out = new ArrayList<>();
    for (Payment p : inDateOrder(payments)) {
      out.add(account.pay(p));
    }
    return out;
  }

  /** Checks that {@code next} can be recorded after {@code recorded}; returns its allocation. */
  public static Allocation accept(Contract contract, List<Payment> recorded, Payment next) {
    List<Payment> all = new ArrayList<>(recorded);
    all.add(next);
    for (Allocation a : allocate(contract, all)) {
      if (a.payment() == next) {
        return a;
      }
    }
    throw new IllegalStateException("payment vanished during allocation");
  }

  /** Where the loan stands on {@code asOf}, counting the payments made up to that day. */
  public static OverdueReport overdue(
      Contract contract, List<Payment> payments, LocalDate asOf, LegalCap cap) {
    if (asOf.isBefore(contract.signed())) {
      throw new IllegalArgumentException(
          "date " + asOf + " is before the contract was signed on " + contract.signed());
    }
    Account account = new Account(contract);
    for (Payment p : inDateOrder(payments)) {
      if (!p.date().isAfter(asOf)) {
        account.pay(p);
      }
    }
    return account.report(asOf, cap);
  }

  private static List<Payment> inDateOrder(List<Payment> payments) {
    List<Payment> sorted = new ArrayList<>(payments);
    sorted.sort(Comparator.comparing(Payment::date));
    return sorted;
  }
}
