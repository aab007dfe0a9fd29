package org.dunshield.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dunshield.core.rule.ChannelScope;
import org.dunshield.core.rule.MatchKind;
import org.dunshield.core.rule.Rule;
import org.dunshield.core.rule.RuleRepository;
import org.dunshield.core.rule.Schedule;
import org.dunshield.core.screen.Action;

/** One owner's rules in the {@code rules} table. Thread-safe. */
final class RuleTable implements RuleRepository {
  private static final String SELECT =
      "SELECT id, action, kind, pattern, channel, priority, label, schedule FROM rules WHERE owner = ?";
  private static final String INSERT = "INSERT INTO rules"
      + " (owner, action, kind, pattern, channel, priority, label, schedule)"
      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";

  private final Sql sql;
  private final long owner;

  RuleTable(Sql sql, long owner) {
    this.sql = sql;
    this.owner = owner;
  }

  @Override
  public Rule add(Rule rule) {
    return sql.write("add rule " + rule.pattern(), s -> rule.withId(insert(s.prepare(INSERT), rule)));
  }

  @Override
  public int addAll(List<Rule> rules) {
    return sql.write("add " + rules.size() + " rules", s -> {
      for (Rule rule : rules) {
        insert(s.prepare(INSERT), rule);
      }
      return rules.size();
    });
  }

  @Override
  public List<Rule> list() {
    return sql.read("list rules", s -> {
      PreparedStatement select = s.prepare(SELECT + " ORDER BY id");
      select.setLong(1, owner);
      try (ResultSet rows = select.executeQuery()) {
        List<Rule> rules = new ArrayList<>();
        while (rows.next()) {
          rules.add(rule(rows));
        }
        return rules;
      }
    });
  }

  @Override
  public Optional<Rule> find(long id) {
    return sql.read("find rule " + id, s -> {
      PreparedStatement select = s.prepare(SELECT + " AND id = ?");
      select.setLong(1, owner);
      select.setLong(2, id);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? Optional.of(rule(rows)) : Optional.empty();
      }
    });
  }

  @Override
  public boolean remove(long id) {
    return sql.write("remove rule " + id, s -> {
      PreparedStatement delete = s.prepare("DELETE FROM rules WHERE owner = ? AND id = ?");
      delete.setLong(1, owner);
      delete.setLong(2, id);
      return delete.executeUpdate() > 0;
    });
  }

  private long insert(PreparedStatement insert, Rule rule) throws SQLException {
    insert.setLong(1, owner);
    insert.setString(2, rule.action().code());
    insert.setString(3, rule.kind().code());
    insert.setString(4, rule.pattern());
    insert.setString(5, rule.channel().code());
    insert.setInt(6, rule.priority());
    insert.setString(7, rule.label());
    insert.setString(8, rule.schedule() == null ? null : rule.schedule().text());
    try (ResultSet key = insert.executeQuery()) {
      key.next();
      return key.getLong(1);
    }
  }

  private static Rule rule(ResultSet row) throws SQLException {
    String schedule = row.getString(8);
    return new Rule(
        row.getLong(1),
        Action.fromCode(row.getString(2)),
        MatchKind.fromCode(row.getString(3)),
        row.getString(4),
        ChannelScope.fromCode(row.getString(5)),
        row.getInt(6),
        row.getString(7),
        schedule == null ? null : Schedule.parse(schedule));
  }
}
