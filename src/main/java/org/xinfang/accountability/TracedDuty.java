package org.xinfang.accountability;

import java.time.LocalDate;
import org.xinfang.petition.DutyKind;
import org.xinfang.petition.DutyRecord;

/** One duty of a petition's life as the trace shows it: the record and the owing organ's name. */
public record TracedDuty(
    DutyKind duty,
    String owedBy,
    String owedByName,
    String basis,
    LocalDate aroseOn,
    String aroseByAct,
    LocalDate due,
    LocalDate doneOn,
    String doneByAct,
    String doneBy,
    DutyRecord.Outcome outcome,
    long daysLate) {}
