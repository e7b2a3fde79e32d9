package app.kinora.provider.spi;

import java.util.Objects;

/**
 * A platform as users see it in the transfer log.
 *
 * @param name e.g. {@code fal.ai}
 * @param country where the platform processes requests, from configuration, e.g. {@code US}
 */
public record ProviderInfo(String name, String country) {

  public ProviderInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(country, "country");
  }

  /** {@code fal.ai (US)}. */
  @Override
  public String toString() {
    return name + " (" + country + ")";
  }
}
