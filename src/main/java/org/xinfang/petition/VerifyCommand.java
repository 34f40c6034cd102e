package org.xinfang.petition;

import java.io.PrintStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.xinfang.audit.Anchors;

/**
 * {@code java -jar target/xinfang.jar --xinfang.audit.verify [--xinfang.audit.expect=<digest>]
 * [--xinfang.audit.anchor]} walks every chain (the history, the attachments and their files, the
 * anchors), prints the result and the first broken link, and exits with 0 when intact, 1 when
 * broken. {@code expect} is an anchor digest copied out earlier, which must still be among the
 * anchors; {@code anchor} writes a new anchor after an intact walk and prints its digest (copy it
 * somewhere the database's administrators cannot write). Add {@code --server.port=0} when the
 * application is running on the same machine.
 */
@Component
@Order(200)
@ConditionalOnProperty("xinfang.audit.verify")
class VerifyCommand implements ApplicationRunner {

  private final PetitionService petitions;
  private final Anchors anchors;
  private final ConfigurableApplicationContext context;
  private final String expect;
  private final boolean anchor;

  VerifyCommand(
      PetitionService petitions,
      Anchors anchors,
      ConfigurableApplicationContext context,
      @Value("${xinfang.audit.expect:}") String expect,
      @Value("${xinfang.audit.anchor:false}") String anchor) {
    this.petitions = petitions;
    this.anchors = anchors;
    this.context = context;
    this.expect = expect;
    this.anchor = !"false".equalsIgnoreCase(anchor.strip());
  }

  @Override
  public void run(ApplicationArguments args) {
    int code = verify(System.out);
    System.exit(SpringApplication.exit(context, () -> code));
  }

  /** Verifies, prints, and answers the exit code (0 intact, 1 broken). */
  int verify(PrintStream out) {
    long start = System.nanoTime();
    PetitionService.ChainReport r = petitions.verifyHistory(expect.isBlank() ? null : expect);
    double seconds = (System.nanoTime() - start) / 1e9;
    out.printf("Checked %s in %.1f s%n", r.chains(), seconds);
    if (!r.intact()) {
      PetitionService.BrokenLink b = r.firstBroken();
      out.printf(
          "BROKEN: chain %s, petition %s%s, %s %s%s: %s%n",
          b.chain(),
          b.petitionId(),
          b.number() == null ? "" : " (" + b.number() + ")",
          "anchors".equals(b.chain()) ? "anchor" : "position",
          b.seq(),
          b.recordId() == null ? "" : ", record " + b.recordId(),
          b.reason());
      return 1;
    }
    out.println("INTACT");
    Anchors.Anchor latest = anchor ? anchors.anchor() : anchors.latest();
    if (latest != null) {
      out.printf(
          "%s anchor %d (%s, %s, %d heads): %s%n",
          anchor ? "New" : "Latest",
          latest.id(),
          latest.createdAt(),
          latest.algorithm(),
          latest.heads(),
          latest.digest());
    }
    return 0;
  }
}
