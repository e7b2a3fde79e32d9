package app.kinora.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Warns an operator who starts the packed jar ({@code java -jar kinora.jar}): under load, virtual
 * threads loading classes through Spring Boot's nested-jar class loader pinned every carrier
 * thread and stalled a worker for good (docs/performance.md, "The cluster under load"). Started
 * from the extracted jar, as {@code ./kinora run} and the container image do, classes come
 * through the JDK's own loader.
 */
@Component
class PackedJarWarning {

  private static final Logger log = LoggerFactory.getLogger(PackedJarWarning.class);

  @EventListener(ApplicationReadyEvent.class)
  void warnIfPacked() {
    if (fromPackedJar(PackedJarWarning.class.getClassLoader())) {
      log.warn(
          "OPERATOR: Kinora runs from the packed jar, whose class loader can stall a busy node."
              + " Start it with ./kinora run, or extract it once"
              + " (java -Djarmode=tools -jar kinora.jar extract) and run the extracted kinora.jar;"
              + " see docs/operations.md, \"Starting from the extracted jar\".");
    }
  }

  /** Whether classes come through Spring Boot's loader of jars nested in the packed jar. */
  static boolean fromPackedJar(ClassLoader loader) {
    return loader != null
        && loader.getClass().getName().startsWith("org.springframework.boot.loader.");
  }
}
