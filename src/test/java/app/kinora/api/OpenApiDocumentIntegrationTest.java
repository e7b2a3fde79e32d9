package app.kinora.api;

import static org.assertj.core.api.Assertions.assertThat;

import app.kinora.IntegrationTest;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document of {@code /v1}: open without a key, complete, with Kinora's additions
 * marked, and with a video object and a video list that stay supersets of OpenAI's published ones
 * (src/test/resources/openai/videos-openapi.yaml).
 */
class OpenApiDocumentIntegrationTest extends IntegrationTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newBuilder().build();

  @Autowired
  ApplicationContext context;

  @Test
  void theDocumentAnswersWithoutAnApiKeyAndDescribesEveryRouteUnderV1() throws Exception {
    var answer = get("/v1/openapi.json");
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    var document = document();
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "openapi.json"), answer.body());
    assertThat(String.valueOf(document.get("openapi"))).startsWith("3.1");

    var documented = new TreeSet<String>();
    paths(document)
        .forEach((path, operations) -> ((Map<?, ?>) operations)
            .keySet()
            .forEach(method -> documented.add(method.toString().toUpperCase() + " " + path)));
    var routes = new TreeSet<String>();
    for (var mapping :
        context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
      mapping.getHandlerMethods().keySet().forEach(info -> {
        for (var pattern : info.getPatternValues()) {
          if (pattern.startsWith("/v1/") && !pattern.startsWith(ApiDocumentation.DOCUMENT)) {
            info.getMethodsCondition()
                .getMethods()
                .forEach(method -> routes.add(method.name() + " " + pattern));
          }
        }
      });
    }
    assertThat(routes).isNotEmpty();
    assertThat(documented).containsAll(routes);
    assertThat(documented).allSatisfy(route -> assertThat(route).contains(" /v1/"));
  }

  @Test
  void theVideoObjectTheListAndTheDeletedAnswerStaySupersetsOfOpenAis() throws Exception {
    Map<String, Object> openAi;
    try (InputStream in = getClass().getResourceAsStream("/openai/videos-openapi.yaml")) {
      openAi = new Yaml().load(in);
    }
    var kinora = document();
    for (var schema : new String[] {"VideoResource", "VideoListResource", "DeletedVideoResource"}) {
      assertThat(SchemaSuperset.problems(kinora, openAi, schema)).as(schema).isEmpty();
    }
  }

  @Test
  void theCheckCatchesAFieldKinoraDropsOrRetypes() throws Exception {
    Map<String, Object> openAi;
    try (InputStream in = getClass().getResourceAsStream("/openai/videos-openapi.yaml")) {
      openAi = new Yaml().load(in);
    }
    var kinora = document();
    @SuppressWarnings("unchecked")
    var video = (Map<String, Object>)
        ((Map<String, Object>) ((Map<String, Object>) kinora.get("components")).get("schemas"))
            .get("VideoResource");
    @SuppressWarnings("unchecked")
    var properties = (Map<String, Object>) video.get("properties");
    properties.remove("remixed_from_video_id");
    properties.put("progress", Map.of("type", "string"));
    properties.put("unmarked", Map.of("type", "string"));
    assertThat(SchemaSuperset.problems(kinora, openAi, "VideoResource"))
        .anySatisfy(p -> assertThat(p).contains("remixed_from_video_id: missing"))
        .anySatisfy(p -> assertThat(p).contains("progress: Kinora may answer [string]"))
        .anySatisfy(p -> assertThat(p).contains("unmarked: Kinora's addition is not marked"));
  }

  @Test
  void kinorasOwnEndpointsAndFieldsAreMarkedAsExtensions() throws Exception {
    var paths = paths(document());
    assertThat(operation(paths, "/v1/videos/{videoId}/cancel", "post"))
        .containsEntry(ApiDocumentation.EXTENSION, (Object) true);
    assertThat(operation(paths, "/v1/webhook_endpoints", "post"))
        .containsEntry(ApiDocumentation.EXTENSION, (Object) true);
    assertThat(operation(paths, "/v1/videos/{videoId}", "get"))
        .doesNotContainKey(ApiDocumentation.EXTENSION);
    var video = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) document().get("components")).get("schemas"))
        .get("VideoResource");
    var seed = (Map<?, ?>) ((Map<?, ?>) video.get("properties")).get("seed");
    assertThat(seed.get(ApiDocumentation.EXTENSION)).isEqualTo(true);
    ((Map<?, ?>) video.get("properties")).forEach((name, property) -> {
      if (Boolean.TRUE.equals(((Map<?, ?>) property).get(ApiDocumentation.EXTENSION))) {
        assertThat(String.valueOf(((Map<?, ?>) property).get("description")))
            .as("%s", name)
            .startsWith("Kinora's extension.");
      }
    });
  }

  @Test
  void theHumanPageOpensWithoutSigningInAndReadsTheDocument() throws Exception {
    var page = get(ApiDocumentation.PAGE);
    assertThat(page.statusCode()).isEqualTo(302);
    var location = page.headers().firstValue("Location").orElseThrow();
    var index = get(URI.create(baseUrl()).resolve(location).getRawPath());
    assertThat(index.statusCode()).isEqualTo(200);
    assertThat(index.body()).contains("swagger-ui");
    var config = get(ApiDocumentation.DOCUMENT + "/swagger-config");
    assertThat(config.statusCode()).isEqualTo(200);
    assertThat(config.body()).contains(ApiDocumentation.DOCUMENT);
  }

  private Map<String, Object> document() throws Exception {
    @SuppressWarnings("unchecked")
    Map<String, Object> document = JSON.readValue(get("/v1/openapi.json").body(), Map.class);
    return document;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> paths(Map<String, Object> document) {
    return (Map<String, Object>) document.get("paths");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> operation(
      Map<String, Object> paths, String path, String method) {
    var operations = (Map<String, Object>) paths.get(path);
    assertThat(operations).as(path).isNotNull();
    return (Map<String, Object>) operations.get(method);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
