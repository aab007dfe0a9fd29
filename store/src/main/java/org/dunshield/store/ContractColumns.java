package org.dunshield.store;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Currency;
import org.dunshield.core.loan.Contract;
import org.dunshield.core.loan.DayCount;
import org.dunshield.core.loan.DefaultTerms;
import org.dunshield.core.loan.Fees;
import org.dunshield.core.loan.Lender;
import org.dunshield.core.loan.LenderKind;
import org.dunshield.core.loan.Rate;
import org.dunshield.core.loan.RateBasis;
import org.dunshield.core.loan.RepaymentMethod;
import org.dunshield.core.loan.Term;

/** How a contract maps to the columns of {@code loans}, in the order of {@link #NAMES}. */
final class ContractColumns {
  static final String NAMES = "lender_name, lender_kind, loan_type, currency, purpose, amount,"
      + " received, rate_percent, rate_basis, term, method, signed_on, start_on, day_count,"
      + " fee_upfront, fee_per_period, overdue_rate_percent, overdue_rate_basis, damages_percent";
  static final String INSERT = "INSERT INTO loans (owner, " + NAMES + ")"
      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";

  private ContractColumns() {}

  static void bind(PreparedStatement s, int first, Contract c) throws SQLException {
    int i = first;
    s.setString(i++, c.lender().name());
    s.setString(i++, c.lender().kind().code());
    s.setString(i++, c.type());
    s.setString(i++, c.currency().getCurrencyCode());
    s.setString(i++, c.purpose());
    s.setString(i++, c.amount().toPlainString());
    s.setString(i++, c.received().toPlainString());
    s.setString(i++, c.rate().percent().toPlainString());
    s.setString(i++, c.rate().basis().code());
    s.setString(i++, c.term().toString());
    s.setString(i++, c.method().code());
    s.setString(i++, c.signed().toString());
    s.setString(i++, c.start().toString());
    s.setString(i++, c.dayCount().code());
    s.setString(i++, c.fees().upfront().toPlainString());
    s.setString(i++, c.fees().perPeriod().toPlainString());
    Rate overdue = c.onDefault().overdueRate();
    s.setString(i++, overdue == null ? null : overdue.percent().toPlainString());
    s.setString(i++, overdue == null ? null : overdue.basis().code());
    s.setString(i, c.onDefault().liquidatedDamagesPercent().toPlainString());
  }

  static Contract read(ResultSet r, int first) throws SQLException {
    int i = first;
    Lender lender = new Lender(r.getString(i++), LenderKind.fromCode(r.getString(i++)));
    String type = r.getString(i++);
    Currency currency = Currency.getInstance(r.getString(i++));
    String purpose = r.getString(i++);
    BigDecimal amount = new BigDecimal(r.getString(i++));
    BigDecimal received = new BigDecimal(r.getString(i++));
    Rate rate = new Rate(new BigDecimal(r.getString(i++)), RateBasis.fromCode(r.getString(i++)));
    Term term = Term.parse(r.getString(i++));
    RepaymentMethod method = RepaymentMethod.fromCode(r.getString(i++));
    LocalDate signed = LocalDate.parse(r.getString(i++));
    LocalDate start = LocalDate.parse(r.getString(i++));
    DayCount dayCount = DayCount.fromCode(r.getString(i++));
    Fees fees = new Fees(new BigDecimal(r.getString(i++)), new BigDecimal(r.getString(i++)));
    String overduePercent = r.getString(i++);
    String overdueBasis = r.getString(i++);
    Rate overdue = overduePercent == null
        ? null
        : new Rate(new BigDecimal(overduePercent), RateBasis.fromCode(overdueBasis));
    DefaultTerms onDefault = new DefaultTerms(overdue, new BigDecimal(r.getString(i)));
    return new Contract(lender, type, currency, purpose, amount, received, rate, term, method,
        signed, start, dayCount, fees, onDefault);
  }
}
