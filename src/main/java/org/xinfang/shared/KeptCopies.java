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

  /** In the current transaction, kept copies may be used (until it completes). */
  public static void allow() {
    if (TransactionSynchronizationManager.hasResource(KEY)) {
      return;
    }
    TransactionSynchronizationManager.bindResource(KEY, Boolean.TRUE);
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void suspend() {
            TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
          }

          @Override
          public void resume() {
            TransactionSynchronizationManager.bindResource(KEY, Boolean.TRUE);
          }

          @Override
          public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
          }
        });
  }

  /** Whether the current transaction may use kept copies. */
  public static boolean allowed() {
    return TransactionSynchronizationManager.isActualTransactionActive()
        && TransactionSynchronizationManager.hasResource(KEY);
  }
}
