package app.kinora.provider;

import app.kinora.shared.UserId;
import java.util.Objects;
import java.util.UUID;

/**
 * Which generation a provider call is for, so that the transfer log can say what was sent for
 * it. Neither value is ever sent to a platform.
 */
public record GenerationTicket(UUID generation, UserId owner) {

  public GenerationTicket {
    Objects.requireNonNull(generation, "generation");
    Objects.requireNonNull(owner, "owner");
  }
}
