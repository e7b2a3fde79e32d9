package app.kinora.shared;

import java.util.List;
import java.util.Objects;
import org.springframework.http.HttpMethod;

/**
 * What a module tells the web app's security about its own URLs: the paths anyone may open without
 * signing in, and the endpoints that ask for a generation (for each one accepted, the device and
 * log data of the request is recorded). Each module with such URLs declares a bean, so that the
 * account module, which enforces sign-in, never names another module's URLs. Paths served by a
 * filter chain of their own (webhooks, signed media, {@code /v1}) need no entry here to be open.
 *
 * @param publicPaths path patterns such as {@code /privacy/**}
 * @param generationRequests the endpoints whose accepted requests start a generation
 * @param operatorPaths path patterns only operators may open; anyone else is answered 404, as if
 *     they did not exist
 */
public record WebPaths(
    List<String> publicPaths, List<Endpoint> generationRequests, List<String> operatorPaths) {

  /**
   * The request attribute an endpoint sets to {@code true} once it has accepted the generation:
   * only then is the request's device and log data recorded (a refusal may answer 200 with a form
   * error, an acceptance 302).
   */
  public static final String GENERATION_ACCEPTED = "app.kinora.generation-accepted";

  public WebPaths {
    publicPaths = List.copyOf(publicPaths);
    generationRequests = List.copyOf(generationRequests);
    operatorPaths = List.copyOf(operatorPaths);
    publicPaths.forEach(WebPaths::requireAbsolute);
    operatorPaths.forEach(WebPaths::requireAbsolute);
  }

  /** Paths for everyone: no operators' pages. */
  public WebPaths(List<String> publicPaths, List<Endpoint> generationRequests) {
    this(publicPaths, generationRequests, List.of());
  }

  /** One method on one path pattern, e.g. {@code POST /generations}. */
  public record Endpoint(HttpMethod method, String path) {

    public Endpoint {
      Objects.requireNonNull(method, "method");
      requireAbsolute(path);
    }
  }

  private static void requireAbsolute(String path) {
    if (path == null || !path.startsWith("/")) {
      throw new IllegalArgumentException("a path starts with '/': " + path);
    }
  }
}
