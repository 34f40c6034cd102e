package org.xinfang.petition;

import java.util.List;

/**
 * Published by the data generator inside the transaction that wrote a batch of petitions in bulk
 * (without the acts' own events), with the batch's facts derived from the histories it wrote (as
 * {@link PetitionStatistics#facts(String)} would derive them), so that the figures write them in
 * the same transaction.
 */
public record PetitionsGenerated(List<PetitionFacts> facts) {

  public List<String> petitionIds() {
    return facts.stream().map(PetitionFacts::id).toList();
  }
}
