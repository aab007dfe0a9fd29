package org.dunshield.store;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dunshield.core.loan.Contract;
import org.dunshield.core.loan.Loan;
import org.dunshield.core.loan.LoanRepository;
import org.dunshield.core.loan.Payment;

/**
 * One owner's loans in the {@code loans} and {@code loan_payments} tables (migration
 * {@code V2__loans.sql}), on the store's pooled connections. Amounts and rates are exact decimal
 * text, vocabularies their stable codes. Thread-safe.
 */
final class LoanTable implements LoanRepository {
  private static final String SELECT_LOANS =
      "SELECT id, " + ContractColumns.NAMES + " FROM loans WHERE owner = ?";
  private static final String SELECT_PAYMENTS =
      "SELECT loan_id, paid_on, amount FROM loan_payments WHERE owner = ?";
  private static final String ORDER_LOANS = " ORDER BY id";
  private static final String ORDER_PAYMENTS = " ORDER BY loan_id, id";

  private final Sql sql;
  private final long owner;

  LoanTable(Sql sql, long owner) {
    this.sql = sql;
    this.owner = owner;
  }

  @Override
  public long add(Contract contract) {
    return sql.write("add loan from " + contract.lender().name(), s -> {
      PreparedStatement insert = s.prepare(ContractColumns.INSERT);
      insert.setLong(1, owner);
      ContractColumns.bind(insert, 2, contract);
      try (ResultSet key = insert.executeQuery()) {
        key.next();
        return key.getLong(1);
      }
    });
  }

  @Override
  public Optional<Loan> find(long id) {
    return sql.read("find loan " + id, s -> {
      PreparedStatement loans = s.prepare(SELECT_LOANS + " AND id = ?");
      loans.setLong(1, owner);
      loans.setLong(2, id);
      PreparedStatement payments = s.prepare(SELECT_PAYMENTS + " AND loan_id = ?" + ORDER_PAYMENTS);
      payments.setLong(1, owner);
      payments.setLong(2, id);
      List<Loan> found = loans(loans, payments);
      return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    });
  }

  @Override
  public List<Loan> list() {
    return sql.read("list loans", s -> {
      PreparedStatement loans = s.prepare(SELECT_LOANS + ORDER_LOANS);
      loans.setLong(1, owner);
      PreparedStatement payments = s.prepare(SELECT_PAYMENTS + ORDER_PAYMENTS);
      payments.setLong(1, owner);
      return loans(loans, payments);
    });
  }

  @Override
  public void addPayment(long loanId, Payment payment) {
    sql.write("record a payment on loan " + loanId, s -> {
      PreparedStatement exists = s.prepare("SELECT 1 FROM loans WHERE owner = ? AND id = ?");
      exists.setLong(1, owner);
      exists.setLong(2, loanId);
      try (ResultSet rows = exists.executeQuery()) {
        if (!rows.next()) {
          throw new IllegalArgumentException("no loan with id " + loanId);
        }
      }
      PreparedStatement insert = s.prepare(
          "INSERT INTO loan_payments (owner, loan_id, paid_on, amount) VALUES (?, ?, ?, ?)");
      insert.setLong(1, owner);
      insert.setLong(2, loanId);
      insert.setString(3, payment.date().toString());
      insert.setString(4, payment.amount().toPlainString());
      insert.executeUpdate();
      return null;
    });
  }

  /** Runs the bound loan and payment queries and joins them, loans in the order read. */
  private static List<Loan> loans(PreparedStatement loans, PreparedStatement payments)
      throws SQLException {
    Map<Long, Contract> contracts = new LinkedHashMap<>();
    try (ResultSet rows = loans.executeQuery()) {
      while (rows.next()) {
        contracts.put(rows.getLong(1), ContractColumns.read(rows, 2));
      }
    }
    if (contracts.isEmpty()) {
      return List.of();
    }
    Map<Long, List<Payment>> paid = new LinkedHashMap<>();
    try (ResultSet rows = payments.executeQuery()) {
      while (rows.next()) {
        paid.computeIfAbsent(rows.getLong(1), k -> new ArrayList<>()).add(new Payment(
            LocalDate.parse(rows.getString(2)), new BigDecimal(rows.getString(3))));
      }
    }
    List<Loan> out = new ArrayList<>(contracts.size());
    contracts.forEach((id, contract) ->
        out.add(new Loan(id, contract, paid.getOrDefault(id, List.of()))));
    return out;
  }
}
