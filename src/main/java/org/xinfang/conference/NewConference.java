package org.xinfang.conference;

import java.time.LocalDate;
import java.util.List;

/**
 * A meeting to schedule.
 *
 * @param convenor the user name of the leader convening it (总召集人); the meeting belongs to the
 *     convenor's organisation
 * @param members the member organisations (the convenor's organisation is always one)
 */
public record NewConference(
    LocalDate heldOn, String place, String convenor, List<String> members, String title) {}
