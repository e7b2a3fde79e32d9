package app.kinora.provider.adapter;

import app.kinora.provider.ProviderProperties.PlatformModel;
import app.kinora.provider.spi.FailureCode;
import app.kinora.provider.spi.ModelDescriptor;
import app.kinora.provider.spi.ProviderFailure;
import app.kinora.provider.spi.ProviderInfo;
import app.kinora.provider.spi.RemoteVideoProvider;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every HTTP adapter shares: its models (its own list with the operator's configured entries
 * laid over it), a {@link RestClient} with connect and read timeouts, JSON in and out, results
 * streamed to a file, and one mapping of HTTP failures onto {@link FailureCode}s.
 */
public abstract class HttpAdapter implements RemoteVideoProvider {

  protected static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int MAX_ERROR_BODY = 64 * 1024;

  protected final RestClient http;
  private final String id;
  private final ProviderInfo info;
  private volatile ConfiguredModels configured = ConfiguredModels.NONE;

  protected HttpAdapter(String id, ProviderInfo info, String baseUrl, HttpTimeouts timeouts) {
    this.id = id;
    this.info = info;
    // HTTP/1.1: self-hosted servers (ComfyUI) speak plain HTTP, where an HTTP/2 upgrade only gets
    // in the way
    var client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(timeouts.connect())
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();
    var factory = new JdkClientHttpRequestFactory(client);
    factory.setReadTimeout(timeouts.read());
    this.http = RestClient.builder().baseUrl(baseUrl).requestFactory(factory).build();
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public ProviderInfo info() {
    return info;
  }

  /** The models the platform offers as the adapter knows them: compiled in, or fetched. */
  protected abstract List<ModelDescriptor> builtInModels();

  /** The adapter's own models with the operator's configured entries applied. */
  @Override
  public final List<ModelDescriptor> models() {
    return configured.applyTo(builtInModels());
  }

  /**
   * Lays the operator's entries ({@code kinora.provider.<platform>.models}) over the adapter's own
   * list; called once, while the adapter is made.
   *
   * @throws IllegalStateException naming the property at fault
   */
  public final void configureModels(List<PlatformModel> entries) {
    var models = new ConfiguredModels(id, entries);
    models.check(builtInModels());
    this.configured = models;
  }

  /** The model a request names, as the platform offers it; one it does not list is invalid input. */
  protected final ModelDescriptor model(String modelId) {
    return models().stream()
        .filter(model -> model.id().equals(modelId))
        .findFirst()
        .orElseThrow(() -> ProviderFailure.of(
            FailureCode.INVALID_INPUT, info.name() + " does not offer the model " + modelId));
  }

  /** Sends a JSON body and reads a JSON answer. */
  protected JsonNode postJson(RestClient.RequestBodySpec request, Object body) {
    return json(
        request.contentType(MediaType.APPLICATION_JSON).body(JSON.writeValueAsString(body)));
  }

  /** Runs the exchange and reads a JSON answer, mapping every failure onto a {@link ProviderFailure}. */
  protected JsonNode json(RestClient.RequestHeadersSpec<?> request) {
    return answer(request).body();
  }

  /** {@link #json}, with the answer's headers, for platforms that report in them (fal's billing). */
  protected Answer answer(RestClient.RequestHeadersSpec<?> request) {
    var answer = call(() -> request.exchange(
        (req, res) -> {
          var body = read(res.getBody());
          if (res.getStatusCode().isError()) {
            throw httpFailure(res.getStatusCode(), res.getHeaders(), body);
          }
          return new Text(body, res.getHeaders());
        },
        true));
    try {
      var node = JSON.readTree(answer.body().isBlank() ? "{}" : answer.body());
      if (!node.isObject()) {
        throw new IllegalStateException("not a JSON object");
      }
      return new Answer(node, answer.headers());
    } catch (JacksonException | IllegalStateException e) {
      throw malformed(e.getMessage());
    }
  }

  /**
   * Runs the exchange and hands the answer's body to {@code reader} as it arrives, for answers too
   * large to hold (a video inside the JSON); unreadable JSON is a malformed answer.
   */
  protected <T> T streamed(RestClient.RequestHeadersSpec<?> request, BodyReader<T> reader) {
    return call(() -> request.exchange(
        (req, res) -> {
          if (res.getStatusCode().isError()) {
            throw httpFailure(res.getStatusCode(), res.getHeaders(), read(res.getBody()));
          }
          try (InputStream body = res.getBody()) {
            return reader.read(body);
          } catch (JacksonException e) {
            throw malformed(e.getOriginalMessage());
          }
        },
        true));
  }

  /** Reads an answer's body as it streams in. */
  @FunctionalInterface
  protected interface BodyReader<T> {
    T read(InputStream body) throws IOException;
  }

  /** A platform's JSON answer with its headers. */
  protected record Answer(JsonNode body, HttpHeaders headers) {}

  private record Text(String body, HttpHeaders headers) {}

  /** Streams a response body to {@code output} through a temporary file; 404 and 410 mean the result expired. */
  protected void download(RestClient.RequestHeadersSpec<?> request, Path output) {
    call(() -> request.exchange(
        (req, res) -> {
          var status = res.getStatusCode();
          if (status.value() == 404 || status.value() == 410) {
            throw ProviderFailure.of(
                FailureCode.EXPIRED,
                info.name() + " no longer has the result (" + status.value() + ")");
          }
          if (status.isError()) {
            throw httpFailure(status, res.getHeaders(), read(res.getBody()));
          }
          var partial = output.resolveSibling(output.getFileName() + ".part");
          try (InputStream body = res.getBody()) {
            Files.copy(body, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, output, StandardCopyOption.REPLACE_EXISTING);
          } finally {
            Files.deleteIfExists(partial);
          }
          return null;
        },
        true));
  }

  /**
   * Maps an error status onto a failure; adapters may recognise moderation in their own words. 429
   * and 503 say the platform did not take the request (as their documentation has it); any other
   * 5xx may come after it did.
   */
  protected ProviderFailure httpFailure(HttpStatusCode status, HttpHeaders headers, String body) {
    return PlatformFailures.ofStatus(
        info.name(), status.value(), headers, body, isModeration(body));
  }

  /** Whether a platform's error text says its content rules refused the request. */
  protected boolean isModeration(String text) {
    return PlatformFailures.mentionsModeration(text);
  }

  /** Runs an exchange, mapping transport failures ({@link PlatformFailures#ofTransport}). */
  private <T> T call(IoCall<T> call) {
    try {
      return call.run();
    } catch (ResourceAccessException | java.io.UncheckedIOException e) {
      throw PlatformFailures.ofTransport(info.name(), e);
    }
  }

  private static String read(InputStream body) throws IOException {
    try (body) {
      return new String(body.readNBytes(MAX_ERROR_BODY * 16), StandardCharsets.UTF_8);
    }
  }

  protected static String text(JsonNode node, String field) {
    var value = node.path(field);
    return value.isMissingNode() || value.isNull() ? null : value.asString();
  }

  /**
   * A platform's answer lacked what its documentation promises. Its outcome is unknown: a
   * malformed answer to a submission may still have started a job.
   */
  protected ProviderFailure malformed(String what) {
    return ProviderFailure.transientFailure(
            FailureCode.PROVIDER_ERROR, info.name() + " sent a malformed answer: " + what, null)
        .withOutcomeUnknown();
  }

  @FunctionalInterface
  private interface IoCall<T> {
    T run();
  }
}
