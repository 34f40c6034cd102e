package org.xinfang.shared;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Marks a transaction whose work may use what this instance kept from earlier transactions (a
 * petition as last committed, the acting user as last read) instead of reading it again, because
 * every such copy is verified by the database in the transaction's own round trips — before the
 * commit, which a failed verification refuses — and whoever started the transaction decides its
 * work again, on fresh reads, when anything refuses it. Outside such a transaction every read is
 * made as always.
 */
public final class KeptCopies {

  private static final Object KEY = new Object();

  private KeptCopies() {}

  /**
   * A transaction's allowance: whether it used any kept copy, and the subjects (beyond the acting
   * user) it may take as kept — an act's own petition, never one it merely reads.
   */
  public static final class Use {
    // bound to one transaction, used by its thread only
    private boolean used;
    private final java.util.Set<Object> subjects = new java.util.HashSet<>();

    private Use() {}

    public boolean used() {
      return used;
    }

    /** This subject, too, may be taken as kept in the transaction. */
    public void include(Object subject) {
      subjects.add(subject);
    }
  }

  /**
   * In the current transaction, kept copies may be used until it completes (not in its {@code
   * afterCommit} callbacks, whose checks would come after the commit); answers whether any was.
   */
  public static Use allow() {
    if (TransactionSynchronizationManager.getResource(KEY) instanceof Use bound) {
      return bound;
    }
    Use use = new Use();
    TransactionSynchronizationManager.bindResource(KEY, use);
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void suspend() {
            TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
          }

          @Override
          public void resume() {
            TransactionSynchronizationManager.bindResource(KEY, use);
          }

          @Override
          public void beforeCompletion() {
            TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
          }

          @Override
          public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
          }
        });
    return use;
  }

  /** Whether the current transaction may use kept copies. */
  public static boolean allowed() {
    return TransactionSynchronizationManager.isActualTransactionActive()
        && TransactionSynchronizationManager.hasResource(KEY);
  }

  /** Whether the current transaction may take this subject (an act's own petition) as kept. */
  public static boolean allowedFor(Object subject) {
    return allowed()
        && TransactionSynchronizationManager.getResource(KEY) instanceof Use use
        && use.subjects.contains(subject);
  }

  /** Notes that the current transaction used a kept copy (whose check is queued). */
  public static void used() {
    if (TransactionSynchronizationManager.getResource(KEY) instanceof Use use) {
      use.used = true;
    }
  }
}
