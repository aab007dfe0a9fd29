package org.dunshield.store.loan;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.dunshield.core.loan.Contract;
import org.dunshield.core.loan.Loan;
import org.dunshield.core.loan.LoanRepository;
import org.dunshield.core.loan.Payment;

/** One owner's loans in the {@code loans} and {@code loan_payments} tables. Thread-safe. */
final class LoanTable implements LoanRepository {
  /** Work on a connection. */
  private interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private final DataSource source;
  private final long owner;

  LoanTable(DataSource source, long owner) {
    this.source = source;
    this.owner = owner;
  }

  @Override
  public long add(Contract contract) {
    return write("add loan", c -> {
      try (PreparedStatement s = c.prepareStatement(ContractColumns.INSERT)) {
        s.setLong(1, owner);
        ContractColumns.bind(s, 2, contract);
        try (ResultSet key = s.executeQuery()) {
          key.next();
          return key.getLong(1);
        }
      }
    });
  }

  @Override
  public Optional<Loan> find(long id) {
    return read("find loan " + id, c -> {
      List<Loan> found = select(c, " AND id = ?", id);
      return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    });
  }

  @Override
  public List<Loan> list() {
    return read("list loans", c -> select(c, "", null));
  }

  @Override
  public void addPayment(long loanId, Payment payment) {
    write("record a payment on loan " + loanId, c -> {
      try (PreparedStatement s = c.prepareStatement(
          "SELECT 1 FROM loans WHERE owner = ? AND id = ?")) {
        s.setLong(1, owner);
        s.setLong(2, loanId);
        try (ResultSet rows = s.executeQuery()) {
          if (!rows.next()) {
            throw new IllegalArgumentException("no loan with id " + loanId);
          }
        }
      }
      try (PreparedStatement s = c.prepareStatement(
          "INSERT INTO loan_payments (owner, loan_id, paid_on, amount) VALUES (?, ?, ?, ?)")) {
        s.setLong(1, owner);
        s.setLong(2, loanId);
        s.setString(3, payment.date().toString());
        s.setString(4, payment.amount().toPlainString());
        s.executeUpdate();
      }
      return null;
    });
  }

  private List<Loan> select(Connection c, String where, Long id) throws SQLException {
    Map<Long, Contract> contracts = new LinkedHashMap<>();
    try (PreparedStatement s = c.prepareStatement("SELECT id, " + ContractColumns.NAMES
        + " FROM loans WHERE owner = ?" + where + " ORDER BY id")) {
      s.setLong(1, owner);
      if (id != null) {
        s.setLong(2, id);
      }
      try (ResultSet rows = s.executeQuery()) {
        while (rows.next()) {
          contracts.put(rows.getLong(1), ContractColumns.read(rows, 2));
        }
      }
    }
    Map<Long, List<Payment>> payments = new LinkedHashMap<>();
    try (PreparedStatement s = c.prepareStatement("SELECT loan_id, paid_on, amount"
        + " FROM loan_payments WHERE owner = ?" + where.replace("id", "loan_id")
        + " ORDER BY loan_id, id")) {
      s.setLong(1, owner);
      if (id != null) {
        s.setLong(2, id);
      }
      try (ResultSet rows = s.executeQuery()) {
        while (rows.next()) {
          payments.computeIfAbsent(rows.getLong(1), k -> new ArrayList<>()).add(new Payment(
              LocalDate.parse(rows.getString(2)), new BigDecimal(rows.getString(3))));
        }
      }
    }
    List<Loan> loans = new ArrayList<>();
    contracts.forEach((loanId, contract) ->
        loans.add(new Loan(loanId, contract, payments.getOrDefault(loanId, List.of()))));
    return loans;
  }

  private <T> T read(String operation, Work<T> work) {
    try (Connection c = source.getConnection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw new IllegalStateException("could not " + operation + ": " + e.getMessage(), e);
    }
  }

  private <T> T write(String operation, Work<T> work) {
    return read(operation, c -> {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    });
  }
}
