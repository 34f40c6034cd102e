package org.xinfang.audit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code xinfang.audit.algorithm}: the algorithm new chain links are written with, {@code SHA-256}
 * (the default) or {@code SM3}. Switching it leaves the links already written as they are: each
 * link names its own algorithm and is verified with it.
 */
@Component
public class AuditSettings {

  private volatile String algorithm; // not final: a test switches it, as a redeployment would

  public AuditSettings(@Value("${xinfang.audit.algorithm:SHA-256}") String algorithm) {
    this.algorithm = HistoryChain.algorithm(algorithm);
  }

  /** The canonical name of the algorithm for new links. */
  public String algorithm() {
    return algorithm;
  }
}
