package app.kinora.provider.adapter;

import app.kinora.provider.spi.FailureCode;
import app.kinora.provider.spi.ProviderFailure;
import com.google.auth.Retryable;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A Google Cloud service account signing in with its JSON key: Google's auth library signs a JWT
 * with the key and exchanges it at the key file's {@code token_uri} for an OAuth2 access token
 * (the JWT-bearer grant), and renews it shortly before it expires.
 */
public final class GoogleServiceAccount {

  static final String CLOUD_PLATFORM = "https://www.googleapis.com/auth/cloud-platform";

  private final GoogleCredentials credentials;
  private final String projectId;

  /**
   * @param keyJson the service account's key file as Google Cloud issues it
   * @throws IOException when it is not a service account key
   */
  public GoogleServiceAccount(InputStream keyJson) throws IOException {
    var account = ServiceAccountCredentials.fromStream(keyJson);
    this.projectId = account.getProjectId();
    this.credentials = account.createScoped(List.of(CLOUD_PLATFORM));
  }

  /**
   * @throws IllegalStateException in a sentence naming the setting, when the file is unusable
   */
  public static GoogleServiceAccount fromKeyFile(Path keyFile) {
    try (var in = Files.newInputStream(keyFile)) {
      return new GoogleServiceAccount(in);
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(
          "kinora.provider.vertex.credentials must name a readable service account key file (JSON)",
          e);
    }
  }

  /** The project the key belongs to, or null. */
  public String projectId() {
    return projectId;
  }

  /**
   * A valid access token, fetched or renewed when needed. A refused or unreachable sign-in is the
   * platform being unavailable; the job itself was not sent.
   */
  String accessToken() {
    try {
      credentials.refreshIfExpired();
      return credentials.getAccessToken().getTokenValue();
    } catch (IOException e) {
      var detail = "Google sign-in of the service account failed: " + e.getMessage();
      if (e instanceof Retryable retryable && !retryable.isRetryable()) {
        throw ProviderFailure.of(FailureCode.PROVIDER_UNAVAILABLE, detail);
      }
      throw ProviderFailure.transientFailure(FailureCode.PROVIDER_UNAVAILABLE, detail, null);
    }
  }
}
