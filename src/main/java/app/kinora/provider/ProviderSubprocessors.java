package app.kinora.provider;

import app.kinora.privacy.spi.Subprocessor;
import app.kinora.privacy.spi.SubprocessorSource;
import java.util.List;
import org.springframework.stereotype.Component;

/** Every model platform enabled here receives prompts and references: the policy lists them. */
@Component
class ProviderSubprocessors implements SubprocessorSource {

  private final Providers providers;

  ProviderSubprocessors(Providers providers) {
    this.providers = providers;
  }

  @Override
  public List<Subprocessor> subprocessors() {
    return providers.platforms().stream()
        .map(platform -> new Subprocessor(
            platform.name(),
            "Makes the videos you ask of its models: receives the prompt, the settings and your reference files",
            platform.country()))
        .toList();
  }
}
