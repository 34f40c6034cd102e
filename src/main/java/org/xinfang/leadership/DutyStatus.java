package org.xinfang.leadership;

import java.util.List;

/**
 * The reception duty of some organisations over a period (for the daily bulletin: "leaders'
 * reception duty done or missed").
 *
 * @param missedDuties the entries whose day passed with nothing recorded
 */
public record DutyStatus(
    int scheduled, int held, int missed, int upcoming, List<ReceptionDuty> missedDuties) {}
