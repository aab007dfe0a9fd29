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
  private static final String COLUMNS = "id, action, kind, pattern, channel, priority, label, schedule";
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
    return sql.write("add rule " + rule.pattern(), c -> {
      try (PreparedStatement s = c.prepareStatement(INSERT)) {
        return rule.withId(insert(s, rule));
      }
    });
  }

  @Override
  public int addAll(List<Rule> rules) {
    return sql.write("add " + rules.size() + " rules", c -> {
      try (PreparedStatement s = c.prepareStatement(INSERT)) {
        for (Rule rule : rules) {
          insert(s, rule);
        }
      }
      return rules.size();
    });
  }

  @Override
  public List<Rule> list() {
    return sql.read("list rules", c -> {
      try (PreparedStatement s = c.prepareStatement(
          "SELECT " + COLUMNS + " FROM rules WHERE owner = ? ORDER BY id")) {
        s.setLong(1, owner);
        try (ResultSet rows = s.executeQuery()) {
          List<Rule> rules = new ArrayList<>();
          while (rows.next()) {
            rules.add(rule(rows));
          }
          return rules;
        }
      }
    });
  }

  @Override
  public Optional<Rule> find(long id) {
    return sql.read("find rule " + id, c -> {
      try (PreparedStatement s = c.prepareStatement(
          "SELECT " + COLUMNS + " FROM rules WHERE owner = ? AND id = ?")) {
        s.setLong(1, owner);
        s.setLong(2, id);
        try (ResultSet rows = s.executeQuery()) {
          return rows.next() ? Optional.of(rule(rows)) : Optional.empty();
        }
      }
    });
  }

  @Override
  public boolean remove(long id) {
    return sql.write("remove rule " + id, c -> {
      try (PreparedStatement s = c.prepareStatement("DELETE FROM rules WHERE owner = ? AND id = ?")) {
        s.setLong(1, owner);
        s.setLong(2, id);
        return s.executeUpdate() > 0;
      }
    });
  }

  private long insert(PreparedStatement s, Rule rule) throws SQLException {
    s.setLong(1, owner);
    s.setString(2, rule.action().code());
    s.setString(3, rule.kind().code());
    s.setString(4, rule.pattern());
    s.setString(5, rule.channel().code());
    s.setInt(6, rule.priority());
    s.setString(7, rule.label());
    s.setString(8, rule.schedule() == null ? null : rule.schedule().text());
    try (ResultSet key = s.executeQuery()) {
      key.next();
      return key.getLong(1);
    }
  }

  private static Rule rule(ResultSet row) throws SQLException {
    String schedule = row.getString("schedule");
    return new Rule(
        row.getLong("id"),
        Action.fromCode(row.getString("action")),
        MatchKind.fromCode(row.getString("kind")),
        row.getString("pattern"),
        ChannelScope.fromCode(row.getString("channel")),
        row.getInt("priority"),
        row.getString("label"),
        schedule == null ? null : Schedule.parse(schedule));
  }
}
