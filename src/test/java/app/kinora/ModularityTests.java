package app.kinora;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module map of docs/architecture.md, enforced: no cycles, only declared dependencies. */
class ModularityTests {

  private final ApplicationModules modules = ApplicationModules.of(KinoraApplication.class);

  @Test
  void modulesRespectTheirDeclaredDependencies() {
    modules.verify();
  }

  @Test
  void writesModuleDiagrams() {
    new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
  }
}
