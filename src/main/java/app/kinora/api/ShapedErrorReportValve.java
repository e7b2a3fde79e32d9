package app.kinora.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * Tomcat's answer to requests it refuses before any servlet sees them (a malformed request line,
 * an encoded NUL in the path, headers too large): OpenAI's error shape under {@code /v1}, a plain
 * page elsewhere, instead of Tomcat's own page. Nothing from the request is echoed.
 */
class ShapedErrorReportValve extends ErrorReportValve {

  private static final String PAGE = """
      <!DOCTYPE html>
      <html lang="en"><head><meta charset="utf-8"><title>That did not work</title></head>
      <body><main><h1>That did not work</h1><p>%s</p><p><a href="/">Back to the studio</a></p></main></body></html>
      """;

  /** Puts the valve in place; after Boot's customizer, whose valve it replaces. */
  static class Installer
      implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
      factory.addContextCustomizers(ShapedErrorReportValve::install);
    }

    @Override
    public int getOrder() {
      return Ordered.LOWEST_PRECEDENCE;
    }
  }

  /** Replaces the host's error report valves (Tomcat's default and Boot's) with this one. */
  private static void install(Context context) {
    var host = context.getParent();
    for (var valve : host.getPipeline().getValves()) {
      if (valve instanceof ErrorReportValve) {
        host.getPipeline().removeValve(valve);
      }
    }
    host.getPipeline().addValve(new ShapedErrorReportValve());
    if (host instanceof StandardHost standard) {
      standard.setErrorReportValveClass(ShapedErrorReportValve.class.getName());
    }
  }

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    var message = switch (status) {
      case 400 ->
        "The request could not be read: its request line, address or headers are malformed.";
      case 404 -> "There is nothing here.";
      case 413, 414, 431 -> "The request is larger than this server accepts.";
      default -> "The request could not be completed.";
    };
    var uri = request
        .getCoyoteRequest()
        .requestURI()
        .toString(); // null when the request line could not be read
    boolean api = uri != null && ApiAwareErrorController.isApi(uri);
    var body = api
        ? "{\"error\":{\"message\":\"%s\",\"type\":\"%s\",\"code\":\"%s\",\"param\":null}}"
            .formatted(
                message,
                status >= 500 ? "server_error" : "invalid_request_error",
                status == 400 ? "invalid_request" : "http_" + status)
        : PAGE.formatted(message);
    try {
      response.setContentType(api ? "application/json" : "text/html");
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      var writer = response.getReporter();
      if (writer != null) {
        writer.write(body);
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // the client is gone or the response was taken: nothing more to say
    }
  }
}
