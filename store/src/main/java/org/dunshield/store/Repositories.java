package org.dunshield.store;

import org.dunshield.core.contact.ContactRepository;
import org.dunshield.core.history.HistoryRepository;
import org.dunshield.core.loan.LoanRepository;
import org.dunshield.core.rule.RuleRepository;
import org.dunshield.core.settings.SettingsRepository;

/**
 * The repositories of one owner (account), from {@link Database#forOwner(long)}: every row they
 * read or write carries that owner, so they never see another owner's data. Thread-safe; valid
 * until the database is closed.
 */
public record Repositories(
    long owner,
    RuleRepository rules,
    ContactRepository contacts,
    HistoryRepository history,
    SettingsRepository settings,
    LoanRepository loans) {

  static Repositories of(Sql sql, long owner) {
    return new Repositories(owner, new RuleTable(sql, owner), new ContactTable(sql, owner),
        new HistoryTable(sql, owner), new SettingsTable(sql, owner),
        new LoanTable(sql, owner));
  }
}
