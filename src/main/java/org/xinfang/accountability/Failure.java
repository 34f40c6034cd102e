package org.xinfang.accountability;

import java.time.LocalDate;
import org.xinfang.petition.DutyKind;

/**
 * One failure found on the record: what was owed (or done wrongly), by which organisation, by which
 * user where an act was done, when, and the article it falls under.
 *
 * @param key a stable name of the failure within its petition, for choosing failures to refer
 * @param duty the duty failed, null for failures that are not a missed deadline
 * @param user the user who did the act late or wrongly; null where nothing was done
 * @param on the day the failure happened: the day after the due date for a deadline, the act's day
 *     otherwise
 * @param status {@code LATE} (done after the due date), {@code MISSED} (not done and past due),
 *     {@code FOUND} (an act found wrong later), {@code SUSPECTED} (to be checked: a reveal of an
 *     accusation's personal data outside the handling line)
 */
public record Failure(
    String key,
    FailureKind kind,
    String article,
    String petitionId,
    String number,
    DutyKind duty,
    String owedBy,
    String owedByName,
    String user,
    LocalDate due,
    LocalDate doneOn,
    LocalDate on,
    long daysLate,
    String status,
    String detail) {}
