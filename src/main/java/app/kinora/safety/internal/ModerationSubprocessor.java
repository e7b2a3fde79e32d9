package app.kinora.safety.internal;

import app.kinora.privacy.spi.Subprocessor;
import app.kinora.privacy.spi.SubprocessorSource;
import app.kinora.safety.SafetyProperties;
import java.util.List;
import org.springframework.stereotype.Component;

/** With a moderation endpoint set, prompts go there before any video is made: the policy lists it. */
@Component
class ModerationSubprocessor implements SubprocessorSource {

  private final SafetyProperties.Moderation moderation;

  ModerationSubprocessor(SafetyProperties properties) {
    this.moderation = properties.moderation();
  }

  @Override
  public List<Subprocessor> subprocessors() {
    return moderation.enabled()
        ? List.of(new Subprocessor(
            moderation.displayName(),
            moderation.images()
                ? "Checks prompts and reference images against this site's content policy before a video is made"
                : "Checks prompts against this site's content policy before a video is made",
            moderation.country() == null ? "" : moderation.country().strip()))
        : List.of();
  }
}
