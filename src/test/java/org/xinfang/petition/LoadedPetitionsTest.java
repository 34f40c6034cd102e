package org.xinfang.petition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.xinfang.demo.DemoData;
import org.xinfang.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * The petitions a transaction loads are kept for it alone (issue 7: one act reads its petition
 * once): its own reads see its acts, nothing of a rolled-back act is seen afterwards, and an act on
 * a petition changed meanwhile by another transaction is still refused by the version check.
 */
@DisplayName("Loaded petitions: kept for one transaction, never beyond it")
class LoadedPetitionsTest extends IntegrationTest {

  static final String TODAY = "2026-03-02";

  @Autowired org.xinfang.organisation.Users users;
  @Autowired PetitionService service;
  @Autowired Petitions petitions;
  @Autowired PlatformTransactionManager transactions;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  private TransactionTemplate tx;
  private ExecutorService other;

  @BeforeEach
  void start() {
    today(TODAY);
    tx = new TransactionTemplate(transactions);
    other = Executors.newSingleThreadExecutor();
  }

  @AfterEach
  void stop() {
    other.shutdownNow();
    SecurityContextHolder.clearContext();
  }

  @Test
  @DisplayName("the answers made from the transaction's load are the petition as read afresh")
  void answersAreTheStoredPetition() throws Exception {
    JsonNode registered = register(letter(TODAY, DemoData.CITY_PETITION_BUREAU));
    String id = registered.path("id").asString();
    assertThat(registered).isEqualTo(body(getJson("/api/petitions/" + id)));
    JsonNode forwarded = act(id, "forward", java.util.Map.of("to", DemoData.CITY_HUMAN_RESOURCES));
    assertThat(acts(forwarded)).containsExactly("register", "forward");
    assertThat(noticeEvents(forwarded)).hasSize(1);
    assertThat(forwarded).isEqualTo(body(getJson("/api/petitions/" + id)));
  }

  @Test
  @DisplayName("a rolled-back act is seen in its own transaction, and by no later one")
  void rolledBackActLeavesNothing() throws Exception {
    String id = register(letter(TODAY, DemoData.CITY_PETITION_BUREAU)).path("id").asString();
    PetitionView before = inTransaction(() -> service.getWithoutScope(id));
    assertThat(petitions.holdsLoaded()).isFalse();

    asAdmin();
    tx.executeWithoutResult(
        status -> {
          PetitionView acted =
              service.act(id, new Acts.Forward(null, DemoData.CITY_HUMAN_RESOURCES));
          assertThat(acted.state()).isEqualTo(PetitionState.FORWARDED);
          assertThat(petitions.holdsLoaded()).isTrue();
          // the transaction reads its own act (and the notice issued with it)
          PetitionView seen = service.getWithoutScope(id);
          assertThat(seen.state()).isEqualTo(PetitionState.FORWARDED);
          assertThat(seen.version()).isEqualTo(before.version() + 2);
          assertThat(petitions.history(id)).hasSize(before.history().size() + 2);
          status.setRollbackOnly();
        });
    assertThat(petitions.holdsLoaded()).as("dropped with the transaction").isFalse();

    PetitionView after = inTransaction(() -> service.getWithoutScope(id));
    assertThat(after.state()).isEqualTo(PetitionState.REGISTERED);
    assertThat(after.version()).isEqualTo(before.version());
    assertThat(after.history()).hasSize(before.history().size());
    assertThat(inTransaction(() -> petitions.history(id))).hasSize(before.history().size());
    // and the act can be done again, on the stored version
    PetitionView again =
        inTransaction(() -> service.act(id, new Acts.Forward(null, DemoData.CITY_HUMAN_RESOURCES)));
    assertThat(again.version()).isEqualTo(before.version() + 2);
    assertThat(service.verifyHistory().intact()).isTrue();
  }

  @Test
  @DisplayName("an act that failed half-way leaves nothing pending for the transaction's next read")
  void failedActIsReadAgain() throws Exception {
    String id = register(letter(TODAY, DemoData.CITY_PETITION_BUREAU)).path("id").asString();
    tx.executeWithoutResult(
        status -> {
          Petition loaded = petitions.load(id).orElseThrow();
          int events = loaded.history().size();
          loaded.perform(
              new Acts.Forward(null, DemoData.CITY_HUMAN_RESOURCES),
              new Petition.Acting(
                  ADMIN, null, true, java.time.LocalDate.parse(TODAY), clock.instant()),
              service.law());
          assertThat(loaded.pending()).hasSize(1);
          // never saved: the next load is the stored petition, not the half-done act
          Petition again = petitions.load(id).orElseThrow();
          assertThat(again).isNotSameAs(loaded);
          assertThat(again.history()).hasSize(events);
          assertThat(again.state()).isEqualTo(PetitionState.REGISTERED);
          status.setRollbackOnly();
        });
  }

  @Test
  @DisplayName(
      "an act on a petition another transaction changed after this one loaded it: version conflict"
          + " (409), nothing of it recorded")
  void concurrentActStillConflicts() throws Exception {
    String id = register(letter(TODAY, DemoData.CITY_PETITION_BUREAU)).path("id").asString();
    PetitionView before = inTransaction(() -> service.getWithoutScope(id));
    asAdmin();
    assertThatThrownBy(
            () ->
                tx.execute(
                    status -> {
                      // this transaction loads the petition at its version ...
                      assertThat(service.getWithoutScope(id).version()).isEqualTo(before.version());
                      // ... another request forwards it and commits meanwhile ...
                      PetitionView meanwhile = elsewhere(id);
                      assertThat(meanwhile.version()).isEqualTo(before.version() + 2);
                      // ... and this act, on what it loaded, is refused by the version check
                      return service.act(id, new Acts.Forward(null, DemoData.CITY_HOUSING));
                    }))
        .isInstanceOf(OptimisticLockingFailureException.class);
    assertThat(petitions.holdsLoaded()).isFalse();

    PetitionView after = inTransaction(() -> service.getWithoutScope(id));
    assertThat(after.version()).isEqualTo(before.version() + 2);
    assertThat(after.handlingOrganisation()).isEqualTo(DemoData.CITY_HUMAN_RESOURCES);
    assertThat(after.history().stream().map(PetitionView.HistoryView::act).toList())
        .containsExactly("register", "forward", IntegrationTest.ISSUE_NOTICE);
    assertThat(service.verifyHistory().intact()).isTrue();
  }

  @Test
  @DisplayName(
      "a transaction walking many petitions keeps the last few; an aggregate dropped meanwhile is"
          + " saved on the stored chain head")
  void manyPetitionsInOneTransaction() throws Exception {
    String id = register(letter(TODAY, DemoData.CITY_PETITION_BUREAU)).path("id").asString();
    for (int i = 0; i < LoadedPetitions.KEPT; i++) {
      register(letter(TODAY, DemoData.CITY_PETITION_BUREAU));
    }
    List<String> others =
        jdbc.sql("select id from petition where id <> :id order by registered_at desc limit :n")
            .param("id", id)
            .param("n", LoadedPetitions.KEPT)
            .query(String.class)
            .list();
    assertThat(others).hasSize(LoadedPetitions.KEPT);
    tx.executeWithoutResult(
        status -> {
          Petition loaded = petitions.load(id).orElseThrow();
          others.forEach(other -> petitions.load(other).orElseThrow());
          assertThat(petitions.load(id).orElseThrow())
              .as("dropped, read again")
              .isNotSameAs(loaded);
          Petition first = petitions.load(id).orElseThrow();
          others.forEach(other -> petitions.record(other).orElseThrow());
          first.perform(
              new Acts.Forward(null, DemoData.CITY_HUMAN_RESOURCES),
              new Petition.Acting(
                  ADMIN,
                  DemoData.CITY_PETITION_BUREAU,
                  true,
                  java.time.LocalDate.parse(TODAY),
                  clock.instant()),
              service.law());
          petitions.save(first);
          petitions.writeDuties(id, first.duties(service.law(), java.time.LocalDate.parse(TODAY)));
        });
    PetitionView after = inTransaction(() -> service.getWithoutScope(id));
    assertThat(after.state()).isEqualTo(PetitionState.FORWARDED);
    assertThat(after.history()).hasSize(2);
    assertThat(
            jdbc.sql("select count(*) from petition_party where petition_id = :p")
                .param("p", id)
                .query(Integer.class)
                .single())
        .as("the receiving bureau and the new holder")
        .isEqualTo(2);
    assertThat(service.verifyHistory().intact()).isTrue();
  }

  @Test
  @DisplayName(
      "a committed petition is read next time by its row alone while its version and chain head"
          + " are unchanged; any change of version reads its people and history again")
  void recentPetitionsFollowTheRow() throws Exception {
    String id = register(letter(TODAY, DemoData.CITY_PETITION_BUREAU)).path("id").asString();
    // a registration's own input is not kept (what was stored may differ from what was given);
    // the petition is kept once read back
    assertThat(petitions.keepsRecent(id)).isFalse();
    inTransaction(() -> service.getWithoutScope(id));
    assertThat(petitions.keepsRecent(id)).isTrue();
    PetitionView committed =
        inTransaction(() -> service.act(id, new Acts.Forward(null, DemoData.CITY_HUMAN_RESOURCES)));
    String article = committed.history().get(0).article();
    // the stored history changed behind the application's back, the row left as it was: what the
    // last commit kept is used (nothing but an act changes a history, and every act moves the row)
    jdbc.sql("update petition_event set article = 'changed' where petition_id = :p and seq = 1")
        .param("p", id)
        .update();
    assertThat(inTransaction(() -> service.getWithoutScope(id)).history().get(0).article())
        .as("kept: the row's version and head are the ones committed")
        .isEqualTo(article);
    // another instance's act moves the version: the history is read again, as stored
    jdbc.sql("update petition set version = version + 1 where id = :p").param("p", id).update();
    PetitionView reread = inTransaction(() -> service.getWithoutScope(id));
    assertThat(reread.history().get(0).article()).isEqualTo("changed");
    assertThat(reread.version()).isEqualTo(committed.version() + 1);
    jdbc.sql("update petition_event set article = :a where petition_id = :p and seq = 1")
        .param("a", article)
        .param("p", id)
        .update();
    // a rolled-back act is never kept: the next read is the stored petition
    jdbc.sql("update petition set version = version + 1 where id = :p").param("p", id).update();
    asAdmin();
    tx.executeWithoutResult(
        status -> {
          service.act(id, new Acts.Accept(null, Category.SUGGESTION, null, false));
          status.setRollbackOnly();
        });
    PetitionView after = inTransaction(() -> service.getWithoutScope(id));
    assertThat(after.state()).isEqualTo(PetitionState.FORWARDED);
    assertThat(after.history()).hasSize(committed.history().size());
    assertThat(after.history().get(0).article()).isEqualTo(article);
  }

  @Test
  @DisplayName(
      "an act on its own takes the petition as this instance committed it, without reading its"
          + " row; when another instance acted since, the database refuses it and the act is"
          + " decided again on the row as read: recorded once, the history intact")
  void actTrustsWhatWasKeptAndIsDecidedAgainWhenItWasOld() throws Exception {
    String id = register(letter(TODAY, DemoData.CITY_PETITION_BUREAU)).path("id").asString();
    String subject = inTransaction(() -> service.getWithoutScope(id)).subject();
    asAdmin();
    service.act(id, new Acts.Forward(null, DemoData.CITY_HUMAN_RESOURCES));
    // the row changed behind the application's back, its version left as it was
    jdbc.sql("update petition set subject = '行已改' where id = :p").param("p", id).update();
    asAdmin();
    PetitionView accepted =
        service.act(
            id, new Acts.Accept(null, Category.GRIEVANCE, Pathway.PETITION_HANDLING, false));
    assertThat(accepted.subject())
        .as("what this instance kept, the row not read")
        .isEqualTo(subject);
    // another instance's act moves the version: what is kept is older than the row
    jdbc.sql("update petition set version = version + 1 where id = :p").param("p", id).update();
    asAdmin();
    PetitionView extended = service.act(id, new Acts.Extend(null, 30, "涉及多个部门，需进一步调查核实", "局长"));
    assertThat(extended.subject()).as("decided again on the row as read").isEqualTo("行已改");
    assertThat(extended.state()).isEqualTo(PetitionState.ACCEPTED);
    assertThat(
            extended.history().stream()
                .map(PetitionView.HistoryView::act)
                .filter(act -> !act.equals(IntegrationTest.ISSUE_NOTICE))
                .toList())
        .containsExactly("register", "forward", "accept", "extend");
    assertThat(petitions.holdsLoaded()).isFalse();
    assertThat(service.verifyHistory().intact()).isTrue();
  }

  @Test
  @DisplayName(
      "an act on its own takes the acting user as this instance last read them, verified with its"
          + " writes: a user disabled since, or whose roles changed, is refused and nothing of the"
          + " act is recorded")
  void keptUserIsVerifiedBeforeTheCommit() throws Exception {
    String id = register(letter(TODAY, DemoData.CITY_PETITION_BUREAU)).path("id").asString();
    inTransaction(() -> service.getWithoutScope(id));
    asAdmin();
    service.act(id, new Acts.Forward(null, DemoData.CITY_HUMAN_RESOURCES));
    as(DemoData.CITY_HANDLER);
    service.act(id, new Acts.Accept(null, Category.GRIEVANCE, Pathway.PETITION_HANDLING, false));
    String roles =
        jdbc.sql("select roles from app_user where username = :u")
            .param("u", DemoData.CITY_HANDLER)
            .query(String.class)
            .single();
    try {
      changeHandler("enabled = false");
      extendRefusedAsHandler(id);
      // enabled again and read (this instance keeps them as a handler); then their roles change
      changeHandler("enabled = true");
      assertThat(users.find(DemoData.CITY_HANDLER)).isPresent();
      changeHandler("roles = 'REGISTRAR'");
      extendRefusedAsHandler(id);
    } finally {
      jdbc.sql("update app_user set enabled = true, roles = :r where username = :u")
          .param("r", roles)
          .param("u", DemoData.CITY_HANDLER)
          .update();
    }
    assertThat(
            inTransaction(() -> service.getWithoutScope(id)).history().stream()
                .map(PetitionView.HistoryView::act)
                .filter(act -> !act.equals(IntegrationTest.ISSUE_NOTICE))
                .toList())
        .containsExactly("register", "forward", "accept");
    // with the user as they were, the act is recorded
    as(DemoData.CITY_HANDLER);
    assertThat(
            service.act(id, new Acts.Extend(null, 30, "涉及多个部门，需进一步调查核实", "局长")).history().stream()
                .map(PetitionView.HistoryView::act)
                .filter(act -> !act.equals(IntegrationTest.ISSUE_NOTICE))
                .toList())
        .containsExactly("register", "forward", "accept", "extend");
  }

  @Test
  @DisplayName(
      "a registration on its own takes the registrar as this instance last read them, verified"
          + " before the commit: a registrar disabled since registers nothing")
  void keptRegistrarIsVerifiedBeforeTheCommit() throws Exception {
    Registration letter =
        json.convertValue(letter(TODAY, DemoData.CITY_PETITION_BUREAU), Registration.class);
    as(DemoData.CITY_REGISTRAR);
    PetitionView first = service.register(letter);
    long before = jdbc.sql("select count(*) from petition").query(Long.class).single();
    try {
      assertThat(users.find(DemoData.CITY_REGISTRAR)).isPresent(); // kept by this instance
      jdbc.sql("update app_user set enabled = false where username = :u")
          .param("u", DemoData.CITY_REGISTRAR)
          .update();
      as(DemoData.CITY_REGISTRAR);
      assertThatThrownBy(() -> service.register(letter))
          .isInstanceOf(org.xinfang.shared.Forbidden.class);
    } finally {
      jdbc.sql("update app_user set enabled = true where username = :u")
          .param("u", DemoData.CITY_REGISTRAR)
          .update();
    }
    assertThat(jdbc.sql("select count(*) from petition").query(Long.class).single())
        .isEqualTo(before);
    as(DemoData.CITY_REGISTRAR);
    assertThat(service.register(letter).number()).isNotEqualTo(first.number());
  }

  /** Changes the handler's user row behind the application's back. */
  private void changeHandler(String set) {
    jdbc.sql("update app_user set " + set + " where username = :u")
        .param("u", DemoData.CITY_HANDLER)
        .update();
  }

  /** The handler's extension of the petition, refused as not theirs to make. */
  private void extendRefusedAsHandler(String id) {
    as(DemoData.CITY_HANDLER);
    assertThatThrownBy(() -> service.act(id, new Acts.Extend(null, 30, "涉及多个部门，需进一步调查核实", "局长")))
        .isInstanceOf(org.xinfang.shared.Forbidden.class);
  }

  /**
   * Signed in as this user, each call a request of its own (the test's thread otherwise holds one
   * mock request throughout, and the user read for it would be remembered across the acts).
   */
  private static void as(String username) {
    org.springframework.web.context.request.RequestContextHolder.resetRequestAttributes();
    SecurityContextHolder.getContext()
        .setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(username, null, List.of()));
  }

  /** Another request, on another thread, in its own transaction: forwards the petition. */
  private PetitionView elsewhere(String id) {
    try {
      return CompletableFuture.supplyAsync(
              () -> {
                asAdmin();
                try {
                  return inTransaction(
                      () -> service.act(id, new Acts.Forward(null, DemoData.CITY_HUMAN_RESOURCES)));
                } finally {
                  SecurityContextHolder.clearContext();
                }
              },
              other)
          .get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private <T> T inTransaction(Supplier<T> work) {
    asAdmin();
    return tx.execute(status -> work.get());
  }

  private static void asAdmin() {
    SecurityContextHolder.getContext()
        .setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(
                ADMIN, null, List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
  }
}
