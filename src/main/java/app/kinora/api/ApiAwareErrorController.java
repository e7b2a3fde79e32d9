package app.kinora.api;

import app.kinora.shared.RequestRefusal;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.autoconfigure.error.AbstractErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Spring Boot's error controller in Kinora's shapes, whatever the request's {@code Accept} says:
 * errors of {@code /v1} requests (unknown paths, wrong methods, refusals at the edge, failures
 * outside any handler) in OpenAI's error shape; every other error as a page, unless the client asks
 * for JSON alone. Answering in the one shape the client can read, rather than negotiating, means an
 * error never ends as an empty 406. Being an {@code ErrorController} bean, it replaces Boot's.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ApiAwareErrorController extends AbstractErrorController {

  ApiAwareErrorController(ErrorAttributes attributes, ObjectProvider<ErrorViewResolver> resolvers) {
    super(attributes, resolvers.orderedStream().toList());
  }

  @RequestMapping
  Object error(HttpServletRequest request, HttpServletResponse response) {
    var status = getStatus(request);
    var uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    if (uri != null && isApi(uri.toString())) {
      return apiError(status, (RequestRefusal) request.getAttribute(RequestRefusal.ATTRIBUTE));
    }
    var attributes = getErrorAttributes(request, ErrorAttributeOptions.defaults());
    if (asksForJsonOnly(request.getHeader(HttpHeaders.ACCEPT))) {
      return ResponseEntity.status(status)
          .contentType(MediaType.APPLICATION_JSON)
          .body(attributes);
    }
    response.setStatus(status.value());
    var page = resolveErrorView(request, response, status, attributes);
    return page != null
        ? page
        : new ModelAndView(
            status.is4xxClientError() ? "error/4xx" : "error/5xx", attributes, status);
  }

  static boolean isApi(String uri) {
    return uri.equals("/v1") || uri.startsWith("/v1/");
  }

  private static ResponseEntity<ApiError> apiError(HttpStatus status, RequestRefusal refusal) {
    if (refusal != null) {
      return ApiError.of(status, refusal.code(), refusal.param(), refusal.message());
    }
    return ApiError.of(status);
  }

  private static boolean asksForJsonOnly(String accept) {
    return accept != null && accept.contains("json") && !accept.contains("text/html");
  }
}
