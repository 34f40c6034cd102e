package org.xinfang.figures;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Checks on the figures' volumes per day shared by the figures' tests. */
final class VolumeChecks {

  private VolumeChecks() {}

  /**
   * The volumes per day of one receiving organisation, kept by differences with every write, equal
   * a count of its facts (LAW.md §9: 批次 and 人次 per day).
   */
  static void assertVolumesPerDayEqualTheFacts(JdbcClient jdbc, String receivedBy) {
    String kept =
        "select concat_ws('|', received_by, received_day, batches, persons) from"
            + " figure_volume_day where received_by = :b and batches > 0 order by received_day";
    String counted =
        "select concat_ws('|', received_by, received_day, count(*), sum(persons)) from figure_fact"
            + " where received_by = :b and accuses_organisation = false"
            + " group by received_by, received_day order by received_day";
    assertThat(jdbc.sql(kept).param("b", receivedBy).query(String.class).list())
        .isNotEmpty()
        .isEqualTo(jdbc.sql(counted).param("b", receivedBy).query(String.class).list());
  }
}
