package org.xinfang.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The whole verification: every chain (the history first, then the others in their order), then the
 * anchors. It stops at the first broken link and names it.
 */
@Service
public class Audit {

  private final ObjectProvider<IntegrityCheck> checks;
  private final Anchors anchors;

  Audit(ObjectProvider<IntegrityCheck> checks, Anchors anchors) {
    this.checks = checks;
    this.anchors = anchors;
  }

  /**
   * What the verification found.
   *
   * @param checked how many links it checked in each chain, and how many anchors, in order
   * @param chain the chain of the first broken link (null when intact)
   * @param firstBroken the first broken link (null when intact)
   */
  public record Report(Map<String, Long> checked, String chain, IntegrityCheck.Broken firstBroken) {
    public boolean intact() {
      return firstBroken == null;
    }
  }

  /**
   * Walks every chain and the anchors.
   *
   * @param expectedDigest an anchor digest copied out of the database earlier, or null
   */
  @Transactional(readOnly = true)
  public Report verify(String expectedDigest) {
    Map<String, Long> checked = new LinkedHashMap<>();
    for (IntegrityCheck check : checks.orderedStream().toList()) {
      IntegrityCheck.Result r = check.verify();
      checked.put(check.chain(), r.checked());
      if (r.firstBroken() != null) {
        return new Report(checked, check.chain(), r.firstBroken());
      }
    }
    Anchors.Check a = anchors.verify(expectedDigest);
    checked.put("anchors", a.anchors());
    return new Report(checked, a.chain(), a.firstBroken());
  }
}
