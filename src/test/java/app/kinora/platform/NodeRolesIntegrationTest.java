package app.kinora.platform;

import static org.assertj.core.api.Assertions.assertThat;

import app.kinora.IntegrationTest;
import app.kinora.OtherNode;
import com.github.kagkarlsson.scheduler.Scheduler;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

/** {@code kinora.node.roles}: a worker-only node serves only the actuator; a web-only node takes no jobs. */
class NodeRolesIntegrationTest extends IntegrationTest {

  @Autowired
  DataSource dataSource;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aWorkerOnlyNodeRunsJobsAndServesHealthButNoPagesOrApi() throws Exception {
    try (var node = OtherNode.start(dataSource, Map.of("kinora.node.roles", "worker"))) {
      assertThat(node.getBean(Scheduler.class).getSchedulerState().isStarted()).isTrue();

      var page = get(node, "/");
      assertThat(page.statusCode()).isEqualTo(404);
      assertThat(page.body()).contains("runs jobs only");
      assertThat(get(node, "/v1/videos").statusCode()).isEqualTo(404);
      assertThat(get(node, "/login").statusCode()).isEqualTo(404);
      assertThat(get(node, "/actuator/health").statusCode()).isEqualTo(200);
      assertThat(get(node, "/actuator/health/readiness").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void aWebOnlyNodeServesPagesAndTakesNoJobs() throws Exception {
    try (var node = OtherNode.start(dataSource, Map.of("kinora.node.roles", "web"))) {
      assertThat(node.getBean(Scheduler.class).getSchedulerState().isStarted()).isFalse();

      assertThat(get(node, "/login").statusCode()).isEqualTo(200);
      assertThat(get(node, "/actuator/health/readiness").statusCode()).isEqualTo(200);
    }
  }

  private HttpResponse<String> get(ConfigurableApplicationContext node, String path)
      throws Exception {
    var port = node.getEnvironment().getProperty("local.server.port");
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
