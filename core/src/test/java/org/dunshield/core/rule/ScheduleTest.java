package org.dunshield.core.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class ScheduleTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private static ZonedDateTime at(int day, int hour, int minute) {
    // 2026-11-30 is a Monday
    return ZonedDateTime.of(2026, 11, 30, hour, minute, 0, 0, SHANGHAI).plusDays(day - 1);
  }

  @Test
  void aNightWindowCoversTheNightAfterEachListedDay() {
    Schedule s = Schedule.parse("Mon-Fri 22:00-08:00");
    assertThat(s.activeAt(at(1, 23, 0))).isTrue(); // Monday 23:00
    assertThat(s.activeAt(at(2, 7, 59))).isTrue(); // Tuesday 07:59, still Monday's night
    assertThat(s.activeAt(at(2, 8, 0))).isFalse();
    assertThat(s.activeAt(at(1, 12, 0))).isFalse();
    assertThat(s.activeAt(at(6, 7, 0))).isTrue(); // Saturday 07:00 is Friday's night
    assertThat(s.activeAt(at(6, 23, 0))).isFalse(); // Saturday night is not listed
    assertThat(s.activeAt(at(1, 7, 0))).isFalse(); // Monday 07:00 belongs to Sunday's night
  }

  @Test
  void severalClausesAndWindowsCombine() {
    Schedule s = Schedule.parse("Sat,Sun 00:00-24:00; daily 12:00-13:30,18:00-19:00");
    assertThat(s.activeAt(at(6, 3, 0))).isTrue();
    assertThat(s.activeAt(at(3, 13, 0))).isTrue();
    assertThat(s.activeAt(at(3, 13, 30))).isFalse();
    assertThat(s.activeAt(at(3, 18, 30))).isTrue();
  }

  @Test
  void badSchedulesNameTheirProblem() {
    assertThatThrownBy(() -> Schedule.parse("Mon-Fry 22:00-08:00")).hasMessageContaining("unknown day 'fry'");
    assertThatThrownBy(() -> Schedule.parse("Mon 25:00-08:00")).hasMessageContaining("bad time '25:00'");
    assertThatThrownBy(() -> Schedule.parse("Mon 22:00")).hasMessageContaining("bad time window");
    assertThatThrownBy(() -> Schedule.parse(" ")).hasMessageContaining("empty schedule");
  }

  @Test
  void overlapIsFoundOnlyWhenTheSchedulesShareAMinute() {
    assertThat(Schedule.parse("Mon 22:00-08:00").overlaps(Schedule.parse("Tue 07:00-09:00"))).isTrue();
    assertThat(Schedule.parse("Mon 09:00-17:00").overlaps(Schedule.parse("Mon 17:00-18:00"))).isFalse();
  }
}
