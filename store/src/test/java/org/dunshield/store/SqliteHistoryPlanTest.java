package org.dunshield.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How SQLite runs the history's queries on the migrated schema: no index of the history is keyed by
 * the number first (each screened event would put an entry at a random place, the writer's largest
 * cost), and the page's number filter is answered from a time index that holds the number.
 */
class SqliteHistoryPlanTest {
  @TempDir Path dataDir;

  @Test
  void noHistoryIndexStartsWithTheNumberAfterTheOwner() throws SQLException {
    Database.openDirectory(dataDir).close();
    List<String> secondColumns = new ArrayList<>(); // index:column after the owner
    try (Connection c = connect(); ResultSet indexes = c.createStatement().executeQuery("PRAGMA index_list(history)")) {
      List<String> names = new ArrayList<>();
      while (indexes.next()) {
        names.add(indexes.getString("name"));
      }
      assertThat(names).isNotEmpty();
      for (String name : names) {
        try (ResultSet columns = c.createStatement().executeQuery("PRAGMA index_info(" + name + ")")) {
          List<String> cols = new ArrayList<>();
          while (columns.next()) {
            cols.add(columns.getString("name"));
          }
          if (cols.size() > 1) {
            secondColumns.add(name + ":" + cols.get(1));
          }
        }
      }
    }
    // the dialled-number index is partial: only outgoing calls, which screening does not write
    assertThat(secondColumns).noneMatch(s -> s.endsWith(":e164") && !s.startsWith("history_owner_dialled:"));
  }

  @Test
  void theNumberFilterWalksTheTimeIndexThatHoldsTheNumber() throws SQLException {
    Database.openDirectory(dataDir).close();
    for (HistoryQueries.Filter filter : List.of(
        new HistoryQueries.Filter(null, null, "+86170", null, null, null),
        new HistoryQueries.Filter("call", "block", "+86170", null, null, null))) {
      String plan = plan(filter);
      // by time, or by verdict then time: both indexes end with the number
      assertThat(plan).as("plan for %s", filter)
          .containsPattern("SEARCH history USING INDEX history_owner_(at_channel_action|action_at)_e164 \\(owner=\\?");
    }
  }

  private String plan(HistoryQueries.Filter filter) throws SQLException {
    List<Object> args = new ArrayList<>();
    String query = HistoryQueries.pageQuery(7, filter, new HistoryQueries.Cursor(1_700_000_000_000L, 99), 50, args);
    try (Connection c = connect(); PreparedStatement explain = c.prepareStatement("EXPLAIN QUERY PLAN " + query)) {
      for (int i = 0; i < args.size(); i++) {
        explain.setObject(i + 1, args.get(i));
      }
      StringBuilder plan = new StringBuilder();
      try (ResultSet rows = explain.executeQuery()) {
        while (rows.next()) {
          plan.append(rows.getString("detail")).append('\n');
        }
      }
      return plan.toString();
    }
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(Database.FILE_NAME));
  }
}
