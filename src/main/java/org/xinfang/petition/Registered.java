package org.xinfang.petition;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;

/**
 * The lifecycle facts fixed at registration: what the history's first event carries. The full
 * registration record (petitioners, facts, intake details) is kept beside it.
 *
 * @param regionCode where the matter happened (an administrative division code), when given: the
 *     level a visit should have gone to (条例 Art. 20 para. 1)
 * @param noticeOwed false when the name or address is unclear: no written notice can be owed (条例
 *     Art. 23 para. 2)
 */
public record Registered(
    Channel channel,
    LocalDate receivedOn,
    String receivedBy,
    Category category,
    boolean noticeOwed,
    List<String> accusedOrganisations,
    boolean litigationRelated,
    boolean major,
    int persons,
    int representatives,
    String repeatOf,
    @JsonInclude(JsonInclude.Include.NON_NULL) String regionCode) {}
