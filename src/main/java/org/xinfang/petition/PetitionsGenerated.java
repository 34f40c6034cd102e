package org.xinfang.petition;

import java.util.List;

/**
 * Published by the data generator inside the transaction that wrote a batch of petitions in bulk
 * (without the acts' own events), so that modules keeping facts derived from the record (the
 * figures) derive them for the batch in the same transaction.
 */
public record PetitionsGenerated(List<String> petitionIds) {}
