package org.springframework.boot.loader.launch;

import java.net.URL;
import java.net.URLClassLoader;

/**
 * Stands in for Spring Boot's nested-jar class loader (in the packed jar only, not on the test
 * class path): a loader from the same package.
 */
public class StandInLaunchedClassLoader extends URLClassLoader {

  public StandInLaunchedClassLoader() {
    super(new URL[0]);
  }
}
