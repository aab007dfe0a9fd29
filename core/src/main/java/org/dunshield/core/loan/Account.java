package org.dunshield.core.loan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Replays a contract's schedule and its payments in date order: instalments fall overdue at the end
 * of their due date, overdue principal accrues overdue interest by the day, each instalment that
 * falls overdue unpaid adds liquidated damages once, and payments are allocated under art. 561.
 * Mutable and not thread-safe: {@link Ledger} makes a fresh one for every question.
 */
final class Account {
  private final Contract contract;
  private final List<Instalment> schedule;
  private final BigDecimal[] fee;
  private final BigDecimal[] interest;
  private final BigDecimal[] principal;
  private final BigDecimal overdueDaily;
  private final BigDecimal damagesFraction;
  private int overdueCount;
  private LocalDate clock;
  private BigDecimal overdueInterest = BigDecimal.ZERO;
  private BigDecimal overdueInterestPaid = BigDecimal.ZERO;
  private BigDecimal damages = BigDecimal.ZERO.setScale(2);
  private BigDecimal damagesPaid = BigDecimal.ZERO;
  private BigDecimal principalDays = BigDecimal.ZERO;
  private LocalDate closedOn;

  Account(Contract contract) {
    this.contract = contract;
    this.schedule = Schedule.of(contract).instalments();
    int n = schedule.size();
    fee = new BigDecimal[n];
    interest = new BigDecimal[n];
    principal = new BigDecimal[n];
    for (int i = 0; i < n; i++) {
      fee[i] = schedule.get(i).fee();
      interest[i] = schedule.get(i).interest();
      principal[i] = schedule.get(i).principal();
    }
    Rate overdue = contract.onDefault().overdueRateOr(contract.rate());
    overdueDaily = overdue.dailyFraction(contract.dayCount());
    damagesFraction = contract.onDefault().liquidatedDamagesPercent().divide(Money.HUNDRED);
    clock = contract.start();
  }

  /** Moves time forward to {@code date}: instalments due before it fall overdue, charges accrue. */
  void advanceTo(LocalDate date) {
    if (closedOn != null) {
      return;
    }
    while (overdueCount < schedule.size() && schedule.get(overdueCount).date().isBefore(date)) {
      accrueTo(schedule.get(overdueCount).date());
      int i = overdueCount++;
      BigDecimal unpaid = fee[i].add(interest[i]).add(principal[i]);
      damages = damages.add(Money.cents(unpaid.multiply(damagesFraction)));
    }
    accrueTo(date);
  }

  private void accrueTo(LocalDate date) {
    if (!date.isAfter(clock)) {
      return;
    }
    BigDecimal days = BigDecimal.valueOf(ChronoUnit.DAYS.between(clock, date));
    BigDecimal late = overduePrincipal().multiply(days);
    principalDays = principalDays.add(late);
    overdueInterest = overdueInterest.add(late.multiply(overdueDaily));
    clock = date;
  }

  Allocation pay(Payment p) {
    if (closedOn != null) {
      throw new IllegalArgumentException(
          "the loan was paid off on " + closedOn + "; a payment on " + p.date() + " is not owed");
    }
    if (p.date().isBefore(contract.signed())) {
      throw new IllegalArgumentException(
          "payment on " + p.date() + " is before the contract was signed on " + contract.signed());
    }
    advanceTo(p.date());
    BigDecimal owed = payoff(p.date());
    if (p.amount().compareTo(owed) > 0) {
      throw new IllegalArgumentException(
          "payment " + p.amount() + " is more than everything owed on " + p.date() + " (" + owed
              + ")");
    }
    int due = dueCount(p.date());
    BigDecimal[] left = {p.amount()};
    BigDecimal costs = take(fee, 0, due, left);
    BigDecimal d = take(damages.subtract(damagesPaid), left);
    damagesPaid = damagesPaid.add(d);
    costs = costs.add(d);
    BigDecimal paidInterest = take(interest, 0, due, left);
    BigDecimal oi = take(outstandingOverdueInterest(), left);
    overdueInterestPaid = overdueInterestPaid.add(oi);
    paidInterest = paidInterest.add(oi);
    BigDecimal paidPrincipal = take(principal, 0, due, left);
    BigDecimal prepaid = take(principal, due, schedule.size(), left);
    boolean closes = sum(principal, 0, schedule.size()).signum() == 0;
    if (closes) {
      closedOn = p.date();
      for (int i = due; i < schedule.size(); i++) {
        fee[i] = BigDecimal.ZERO;
        interest[i] = BigDecimal.ZERO;
      }
    }
    return new Allocation(p, costs, paidInterest, paidPrincipal, prepaid, closes);
  }

  /** What settles the loan on a date: everything due, overdue charges and all principal. */
  BigDecimal payoff(LocalDate date) {
    int due = dueCount(date);
    return sum(fee, 0, due)
        .add(sum(interest, 0, due))
        .add(damages.subtract(damagesPaid))
        .add(outstandingOverdueInterest())
        .add(sum(principal, 0, schedule.size()));
  }

  OverdueReport report(LocalDate asOf, LegalCap cap) {
    advanceTo(asOf);
    int late = overdueCount;
    long daysOverdue = 0;
    for (int i = 0; i < late; i++) {
      if (fee[i].add(interest[i]).add(principal[i]).signum() > 0) {
        daysOverdue = ChronoUnit.DAYS.between(schedule.get(i).date(), asOf);
        break;
      }
    }
    BigDecimal claimedInterest = Money.cents(overdueInterest);
    BigDecimal claimed = claimedInterest.add(damages);
    BigDecimal capDaily =
        cap.limitPercent().divide(Money.HUNDRED.multiply(BigDecimal.valueOf(365)), Money.MATH);
    BigDecimal supported = Money.cents(principalDays.multiply(capDaily)).min(claimed);
    BigDecimal paid = Money.cents(overdueInterestPaid.add(damagesPaid));
    return new OverdueReport(
        asOf,
        closedOn,
        daysOverdue,
        sum(principal, 0, late),
        sum(interest, 0, late),
        sum(fee, 0, late),
        claimedInterest,
        damages,
        paid,
        cap,
        supported,
        claimed.subtract(supported),
        supported.subtract(paid).max(BigDecimal.ZERO).setScale(2),
        sum(principal, 0, schedule.size()),
        closedOn == null ? payoff(asOf) : BigDecimal.ZERO.setScale(2));
  }

  private int dueCount(LocalDate date) {
    int due = 0;
    while (due < schedule.size() && !schedule.get(due).date().isAfter(date)) {
      due++;
    }
    return due;
  }

  private BigDecimal overduePrincipal() {
    return sum(principal, 0, overdueCount);
  }

  private BigDecimal outstandingOverdueInterest() {
    return Money.cents(overdueInterest).subtract(overdueInterestPaid);
  }

  private static BigDecimal take(BigDecimal[] parts, int from, int to, BigDecimal[] left) {
    BigDecimal taken = BigDecimal.ZERO.setScale(2);
    for (int i = from; i < to && left[0].signum() > 0; i++) {
      BigDecimal t = parts[i].min(left[0]);
      parts[i] = parts[i].subtract(t);
      left[0] = left[0].subtract(t);
      taken = taken.add(t);
    }
    return taken;
  }

  private static BigDecimal take(BigDecimal owed, BigDecimal[] left) {
    BigDecimal t = owed.min(left[0]).max(BigDecimal.ZERO);
    left[0] = left[0].subtract(t);
    return Money.cents(t);
  }

  private static BigDecimal sum(BigDecimal[] parts, int from, int to) {
    BigDecimal total = BigDecimal.ZERO.setScale(2);
    for (int i = from; i < to; i++) {
      total = total.add(parts[i]);
    }
    return total;
  }
}
