package org.dunshield.core.loan;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The loan desk's use cases over a {@link LoanRepository}: record contracts and payments (checked
 * first, so nothing invalid is stored), and answer where a loan stands, what it really costs, when
 * reminders are due and what deferral to ask for. "Today" comes from the injected clock.
 * Thread-safe if the repository is.
 */
public final class LoanDesk {
  private final LoanRepository loans;
  private final LprTable lpr;
  private final Clock clock;

  public LoanDesk(LoanRepository loans, LprTable lpr, Clock clock) {
    this.loans = loans;
    this.lpr = lpr;
    this.clock = clock;
  }

  public long add(Contract contract) {
    Schedule.of(contract);
    return loans.add(contract);
  }

  public List<Loan> list() {
    return loans.list();
  }

  public Loan get(long id) {
    return loans.find(id).orElseThrow(() -> new IllegalArgumentException("no loan with id " + id));
  }

  /** Checks the payment against the contract and what was paid before, then records it. */
  public Allocation pay(long id, Payment payment) {
    Loan loan = get(id);
    Allocation allocation = Ledger.accept(loan.contract(), loan.payments(), payment);
    loans.addPayment(id, payment);
    return allocation;
  }

  public OverdueReport overdue(long id, LocalDate asOf) {
    Loan loan = get(id);
    LocalDate day = asOf == null ? today() : asOf;
    return Ledger.overdue(loan.contract(), loan.payments(), day, LegalCap.of(loan.contract(), lpr));
  }

  /**
   * Every stored loan with where it stands today (or on its signing day, for a loan signed in the
   * future), by id.
   */
  public List<Standing> standings() {
    LocalDate today = today();
    List<Standing> out = new ArrayList<>();
    for (Loan loan : loans.list()) {
      LocalDate asOf = max(today, loan.contract().signed());
      out.add(Standing.of(loan,
          Ledger.overdue(loan.contract(), loan.payments(), asOf, LegalCap.of(loan.contract(), lpr))));
    }
    return out;
  }

  public CapCheck capCheck(long id) {
    return CapCheck.of(get(id).contract(), lpr);
  }

  public DeferralPlan deferral(long id, BigDecimal monthlyBudget, LocalDate asOf) {
    Loan loan = get(id);
    return new DeferralPlanner(lpr)
        .plan(loan.contract(), loan.payments(), asOf == null ? today() : asOf, monthlyBudget);
  }

  /** Reminders for every open loan's instalments from today on, {@code daysAhead} days early. */
  public List<Reminder> reminders(int daysAhead) {
    LocalDate today = today();
    List<Reminder> out = new ArrayList<>();
    for (Loan loan : loans.list()) {
      if (!Ledger.overdue(loan.contract(), loan.payments(), max(today, loan.contract().signed()),
              LegalCap.of(loan.contract(), lpr)).closed()) {
        out.addAll(Reminder.of(loan.id(), loan.contract(), today, daysAhead));
      }
    }
    return out;
  }

  /** The LPR history the caps are computed from. */
  public LprTable lpr() {
    return lpr;
  }

  /** Where "today" comes from. */
  public Clock clock() {
    return clock;
  }

  public LocalDate today() {
    return LocalDate.now(clock);
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }
}
