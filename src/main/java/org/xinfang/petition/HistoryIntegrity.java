package org.xinfang.petition;

import java.util.function.Consumer;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.xinfang.audit.IntegrityCheck;

/** The history chain as one of the chains the audit verifies and anchors (the first one). */
@Component
@Order(0)
class HistoryIntegrity implements IntegrityCheck {

  static final String CHAIN = "history";

  private final Petitions petitions;

  HistoryIntegrity(Petitions petitions) {
    this.petitions = petitions;
  }

  @Override
  public String chain() {
    return CHAIN;
  }

  @Override
  public Result verify() {
    Petitions.ChainCheck c = petitions.verifyChain();
    return new Result(
        c.checked(), c.intact() ? null : new Broken(c.petitionId(), c.seq(), null, c.reason()));
  }

  @Override
  public void heads(Consumer<Head> each) {
    petitions.heads((id, h) -> each.accept(new Head(CHAIN, id, h.events(), h.hash())));
  }

  @Override
  public String hashAt(String petitionId, int seq) {
    return petitions.hashAt(petitionId, seq).orElse(null);
  }
}
