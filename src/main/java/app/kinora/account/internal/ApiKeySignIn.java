package app.kinora.account.internal;

import app.kinora.account.ApiKeyAuthentication;
import app.kinora.shared.WebPaths;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.stereotype.Component;

/**
 * The key filter goes where anonymous sign-in would be (the API's chain has none), the recorder
 * after authorisation, so that it sees only requests the key may make. Neither is a bean: Spring
 * Boot would also register it as a servlet filter for every request.
 */
@Component
class ApiKeySignIn implements ApiKeyAuthentication {

  private final ApiKeys apiKeys;
  private final RequestContexts contexts;
  private final ObjectProvider<WebPaths> paths;

  ApiKeySignIn(ApiKeys apiKeys, RequestContexts contexts, ObjectProvider<WebPaths> paths) {
    this.apiKeys = apiKeys;
    this.contexts = contexts;
    this.paths = paths;
  }

  @Override
  public void applyTo(HttpSecurity http) {
    http.addFilterBefore(
            new ApiKeyAuthenticationFilter(apiKeys), AnonymousAuthenticationFilter.class)
        .addFilterAfter(
            new GenerationRequestRecorder(contexts, paths.orderedStream().toList()),
            AuthorizationFilter.class);
  }
}
