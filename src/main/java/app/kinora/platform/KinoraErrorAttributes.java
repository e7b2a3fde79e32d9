package app.kinora.platform;

import app.kinora.shared.RequestRefusal;
import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/**
 * Adds the request's correlation id to every error page and error body, and what the edge refused
 * (see {@link RequestRefusal}) as {@code refusal}; never a stack trace.
 */
@Component
class KinoraErrorAttributes extends DefaultErrorAttributes {

  @Override
  public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
    var attributes = super.getErrorAttributes(
        request, options.excluding(ErrorAttributeOptions.Include.STACK_TRACE));
    var id = request.getAttribute(CorrelationIdFilter.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
    if (id != null) {
      attributes.put("correlationId", id);
    }
    if (request.getAttribute(RequestRefusal.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST)
        instanceof RequestRefusal refusal) {
      attributes.put("refusal", refusal.message());
    }
    return attributes;
  }
}
