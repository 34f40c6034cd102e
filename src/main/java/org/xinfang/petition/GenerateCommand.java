package org.xinfang.petition;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar target/xinfang.jar --xinfang.generate.count=1000000 [--xinfang.generate.years=5]
 * [--xinfang.generate.root=dl-gov] [--xinfang.generate.defer-indexes=true]
 * [--xinfang.generate.figures=false]} fills the configured database with realistic petitions, shows
 * a progress bar and the rows per second, then exits.
 */
@Component
@Order(100)
@ConditionalOnProperty("xinfang.generate.count")
class GenerateCommand implements ApplicationRunner {

  private final PetitionGenerator generator;
  private final ConfigurableApplicationContext context;
  private final long count;
  private final int years;
  private final long seed;
  private final int batch;
  private final String root;
  private final PetitionGenerator.Bulk bulk;

  GenerateCommand(
      PetitionGenerator generator,
      ConfigurableApplicationContext context,
      @Value("${xinfang.generate.count}") long count,
      @Value("${xinfang.generate.years:5}") int years,
      @Value("${xinfang.generate.seed:20260501}") long seed,
      @Value("${xinfang.generate.batch:2000}") int batch,
      @Value("${xinfang.generate.root:}") String root,
      @Value("${xinfang.generate.defer-indexes:false}") boolean deferIndexes,
      @Value("${xinfang.generate.figures:true}") boolean figures) {
    this.bulk = new PetitionGenerator.Bulk(deferIndexes, figures);
    this.generator = generator;
    this.context = context;
    this.count = count;
    this.years = years;
    this.seed = seed;
    this.batch = batch;
    this.root = root.isBlank() ? null : root;
  }

  @Override
  public void run(ApplicationArguments args) {
    long start = System.nanoTime();
    PetitionGenerator.Report report =
        generator.generate(
            count,
            years,
            seed,
            batch,
            root,
            bulk,
            done -> {
              double seconds = (System.nanoTime() - start) / 1e9;
              int width = 40;
              int filled = (int) (width * done / count);
              System.out.printf(
                  "\r[%s%s] %3d%% %,d/%,d petitions  %,.0f/s",
                  "#".repeat(filled),
                  " ".repeat(width - filled),
                  100 * done / count,
                  done,
                  count,
                  done / Math.max(seconds, 0.001));
              System.out.flush();
            });
    System.out.printf(
        "%nGenerated %,d petitions with %,d history events in %s: %,.0f petitions/s, %,.0f rows/s%n",
        report.petitions(),
        report.events(),
        report.took(),
        report.petitionsPerSecond(),
        report.rowsPerSecond());
    System.out.printf(
        "Time: living the lives %s, chaining and encoding %s, writing the record %s,"
            + " facts for the figures %s (the rest: commits and reserving numbers)%n",
        report.living(), report.encoding(), report.writing(), report.facts());
    System.exit(org.springframework.boot.SpringApplication.exit(context, () -> 0));
  }
}
