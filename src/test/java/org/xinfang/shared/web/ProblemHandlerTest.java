package org.xinfang.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

class ProblemHandlerTest {

  @Test
  @DisplayName(
      "a deadlock the database broke (one act's counter, the other's row) is a concurrent act: 409"
          + " with the rule, not a 500")
  void brokenDeadlockIsAConcurrentAct() {
    ResponseEntity<Object> r =
        new ProblemHandler()
            .locked(new CannotAcquireLockException("deadlock detected", new RuntimeException()));
    assertThat(r.getStatusCode().value()).isEqualTo(409);
    ProblemDetail p = (ProblemDetail) r.getBody();
    assertThat(p.getType().toString()).endsWith("concurrent-act");
    assertThat(p.getProperties()).containsEntry("rule", "one-act-at-a-time (locks)");
  }
}
