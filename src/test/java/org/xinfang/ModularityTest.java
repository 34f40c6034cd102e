package org.xinfang;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The tree tells the story: each business module talks to others only through its public face. */
class ModularityTest {

  private final ApplicationModules modules = ApplicationModules.of(XinfangApplication.class);

  @Test
  @DisplayName("module boundaries hold: no cycles, no reaching into another module's internals")
  void verifiesModuleBoundaries() {
    modules.verify();
  }

  @Test
  @DisplayName("the calendar and the organisation tree depend on no business module")
  void foundationsDependOnNothing() {
    for (String base : new String[] {"calendar", "organisation"}) {
      ApplicationModule module = modules.getModuleByName(base).orElseThrow();
      assertThat(
              module.getDirectDependencies(modules).uniqueModules().map(ApplicationModule::getName))
          .as(base + " depends only on the shared kernel")
          .allMatch("shared"::equals);
    }
  }

  @Test
  @DisplayName("the module map is written to target/spring-modulith-docs")
  void writesModuleDocumentation() {
    new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
  }
}
