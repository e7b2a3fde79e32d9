package app.kinora;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module map of docs/architecture.md, enforced: no cycles, only declared dependencies. */
class ModularityTests {

  private static final Path COMMITTED = Path.of("docs", "modules", "components.puml");

  private final ApplicationModules modules = ApplicationModules.of(KinoraApplication.class);

  @Test
  void modulesRespectTheirDeclaredDependencies() {
    modules.verify();
  }

  /**
   * Writes the diagrams to {@code target/spring-modulith-docs}; the module diagram committed under
   * {@code docs/modules} must show the same modules and relations (copy it over when they change).
   */
  @Test
  void theCommittedModuleDiagramIsTrue() throws IOException {
    new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    var written = Path.of("target", "spring-modulith-docs", "components.puml");
    assertThat(elements(COMMITTED))
        .as("docs/modules/components.puml is stale: copy %s over it", written)
        .isEqualTo(elements(written));
  }

  /** Its components and relations, whatever their order. */
  private static Set<String> elements(Path diagram) throws IOException {
    return Files.readAllLines(diagram).stream()
        .map(String::strip)
        .filter(line -> line.startsWith("Component(") || line.startsWith("Rel("))
        .collect(Collectors.toSet());
  }
}
