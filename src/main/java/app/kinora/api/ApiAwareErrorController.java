package app.kinora.api;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.ErrorProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Spring Boot's error controller, except that errors of {@code /v1} requests (unknown paths,
 * wrong methods, failures outside any handler) get OpenAI's error shape instead of Boot's.
 */
class ApiAwareErrorController extends BasicErrorController {

  ApiAwareErrorController(ErrorAttributes attributes, java.util.List<ErrorViewResolver> resolvers) {
    super(attributes, new ErrorProperties(), resolvers);
  }

  @Override
  public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
    var uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    if (uri == null || !uri.toString().startsWith("/v1/")) {
      return super.error(request);
    }
    var status = getStatus(request);
    var body = new LinkedHashMap<String, Object>();
    body.put("message", status == HttpStatus.NOT_FOUND ? "No such API endpoint." : status.getReasonPhrase());
    body.put("type", status.is5xxServerError() ? "server_error" : "invalid_request_error");
    body.put("code", status == HttpStatus.NOT_FOUND ? "not_found" : status.name().toLowerCase());
    body.put("param", null);
    return ResponseEntity.status(status).body(Map.of("error", body));
  }

  @Configuration(proxyBeanMethods = false)
  static class Registration {

    @Bean
    ApiAwareErrorController basicErrorController(ErrorAttributes attributes, ObjectProvider<ErrorViewResolver> resolvers) {
      return new ApiAwareErrorController(attributes, resolvers.orderedStream().toList());
    }
  }
}
