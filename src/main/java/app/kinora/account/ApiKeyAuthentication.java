package app.kinora.account;

import java.util.Locale;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * Sign-in by API key, for the filter chain of the public API, which the {@code api} module builds.
 * A request carrying {@code Authorization: Bearer <key>} with an active key is signed in as the
 * key's owner (a {@link CurrentUser}) with the key's {@linkplain Scope scopes} as authorities; a
 * missing or unknown key leaves it unauthenticated, for the chain's entry point to answer.
 */
public interface ApiKeyAuthentication {

  /** What a key may do: read (list, status, download) and generate (create). */
  enum Scope {
    READ,
    GENERATE;

    /** The authority of a request signed in with a key that has this scope. */
    public String authority() {
      return "SCOPE_" + name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Adds API-key sign-in to a stateless chain, and the recording of device and log data for its
   * accepted generation requests (as declared in {@link app.kinora.shared.WebPaths}), as on the web.
   */
  void applyTo(HttpSecurity http);
}
