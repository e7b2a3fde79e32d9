package app.kinora.safety.internal;

import app.kinora.safety.SafetyProperties;
import app.kinora.safety.ScreenedImage;
import app.kinora.safety.spi.Screener;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A moderation endpoint that speaks OpenAI's {@code POST /v1/moderations} (OpenAI's own, or a
 * self-hosted model behind an OpenAI-compatible server): the texts go as {@code input}; reference
 * images (unless {@code kinora.safety.moderation.images} is off) go one a request as an {@code
 * image_url} input, the multi-modal shape {@code omni-moderation} takes; a flagged result names
 * the category with the highest score. Off without {@code
 * kinora.safety.moderation.base-url}. An answer later than the timeout, or any failure, is
 * "unavailable", and the chain then follows the fail-open or fail-closed setting.
 */
@Component
@Order(2)
class ModerationEndpoint implements Screener {

  private static final Logger log = LoggerFactory.getLogger(ModerationEndpoint.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final SafetyProperties.Moderation settings;
  private final RestClient http;

  ModerationEndpoint(SafetyProperties properties) {
    this.settings = properties.moderation();
    var client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(settings.timeout())
        .build();
    var factory = new JdkClientHttpRequestFactory(client);
    factory.setReadTimeout(settings.timeout());
    this.http = settings.enabled()
        ? RestClient.builder()
            .baseUrl(settings.baseUrl().toString())
            .requestFactory(factory)
            .build()
        : null;
  }

  @Override
  public String name() {
    return "moderation-endpoint";
  }

  @Override
  public Optional<String> screen(List<String> texts) {
    if (http == null || texts.isEmpty()) {
      return Optional.empty();
    }
    return flagged(results(texts));
  }

  @Override
  public boolean takesImages() {
    return http != null && settings.images();
  }

  /** Each image in a request of its own, as an {@code image_url} input with a data URL. */
  @Override
  public Optional<String> screenImages(List<ScreenedImage> images) {
    if (!takesImages()) {
      return Optional.empty();
    }
    for (var image : images) {
      var input = List.of(Map.of(
          "type",
          "image_url",
          "image_url",
          Map.of(
              "url",
              "data:" + image.mediaType() + ";base64,"
                  + Base64.getEncoder().encodeToString(image.content()))));
      var category = flagged(results(input));
      if (category.isPresent()) {
        return category;
      }
    }
    return Optional.empty();
  }

  private JsonNode results(Object input) {
    JsonNode answer;
    try {
      var request = http.post()
          .uri("/moderations")
          .contentType(MediaType.APPLICATION_JSON)
          .accept(MediaType.APPLICATION_JSON);
      if (settings.apiKey() != null && !settings.apiKey().isBlank()) {
        request = request.header("Authorization", "Bearer " + settings.apiKey());
      }
      var body = request
          .body(JSON.writeValueAsString(Map.of("model", settings.model(), "input", input)))
          .retrieve()
          .body(String.class);
      answer = JSON.readTree(body == null ? "" : body);
    } catch (RuntimeException e) {
      log.warn("The moderation endpoint did not answer: {}", e.getClass().getSimpleName());
      throw new ScreenerUnavailable("The moderation endpoint did not answer", e);
    }
    var results = answer.path("results");
    if (!results.isArray()) {
      throw new ScreenerUnavailable("The moderation endpoint's answer has no results", null);
    }
    return results;
  }

  /** The highest-scoring flagged category of any flagged result. */
  private static Optional<String> flagged(JsonNode results) {
    String worst = null;
    double worstScore = -1;
    for (var result : results) {
      if (!result.path("flagged").asBoolean(false)) {
        continue;
      }
      var flaggedCategories = new ArrayList<String>();
      result.path("categories").properties().forEach(entry -> {
        if (entry.getValue().asBoolean(false)) {
          flaggedCategories.add(entry.getKey());
        }
      });
      for (var category : flaggedCategories) {
        double score = result.path("category_scores").path(category).asDouble(0);
        if (score > worstScore) {
          worst = category;
          worstScore = score;
        }
      }
      if (worst == null) {
        worst = "flagged";
      }
    }
    return Optional.ofNullable(worst);
  }
}
