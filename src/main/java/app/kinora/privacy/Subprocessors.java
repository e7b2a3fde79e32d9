package app.kinora.privacy;

import app.kinora.privacy.spi.Subprocessor;
import app.kinora.privacy.spi.SubprocessorSource;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Every outside service that receives users' data in this deployment: the ones the operator
 * configures (hosting, email…) and the ones modules enable (model providers, payments, storage).
 */
@Service
public class Subprocessors {

  private final PrivacyProperties properties;
  private final List<SubprocessorSource> sources;

  Subprocessors(PrivacyProperties properties, List<SubprocessorSource> sources) {
    this.properties = properties;
    this.sources = List.copyOf(sources);
  }

  public List<Subprocessor> all() {
    var all = new ArrayList<>(properties.subprocessors());
    sources.forEach(source -> all.addAll(source.subprocessors()));
    return List.copyOf(all);
  }
}
