package app.kinora.platform;

import app.kinora.shared.RequestRefusal;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.apache.tomcat.util.http.fileupload.impl.SizeException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The edge every request passes once it is authenticated: its parameters (query string, form
 * fields, multipart fields) and the names of the files it sends must not hold control characters,
 * and a multipart body must be readable and within the size limits. A refused request gets 400
 * (413 when too large) and a {@link RequestRefusal} for the error answer; no handler sees it.
 */
class RequestInputFilter extends OncePerRequestFilter {

  private record Refused(int status, RequestRefusal refusal) {}

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    var refused = parts(request).or(() -> parameters(request));
    if (refused.isPresent()) {
      if (!response
          .isCommitted()) { // else the client is gone: a body cut off by a closed connection
        request.setAttribute(RequestRefusal.ATTRIBUTE, refused.get().refusal());
        response.sendError(refused.get().status(), refused.get().refusal().message());
      }
      return;
    }
    chain.doFilter(request, response);
  }

  /** A multipart body is read here, once (Tomcat keeps the parts), so that a broken one is refused as such. */
  private static Optional<Refused> parts(HttpServletRequest request) {
    var type = request.getContentType();
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
      return Optional.empty();
    }
    try {
      for (var part : request.getParts()) {
        var field = check(part.getName(), part.getName());
        if (field.isEmpty() && part.getSubmittedFileName() != null) {
          field = check(part.getName(), part.getSubmittedFileName());
        }
        if (field.isPresent()) {
          return field;
        }
      }
      return Optional.empty();
    } catch (InvalidFileNameException e) {
      return Optional.of(new Refused(
          400,
          new RequestRefusal(
              "invalid_characters",
              null,
              "A file name holds a control character, which is not accepted.")));
    } catch (IOException
        | ServletException
        | RuntimeException e) { // Tomcat's parser fails in all three ways
      return Optional.of(
          unreadable(e, "The multipart body could not be read: it is malformed or cut short."));
    }
  }

  private static Optional<Refused> parameters(HttpServletRequest request) {
    Map<String, String[]> parameters;
    try {
      parameters = request.getParameterMap();
    } catch (IllegalStateException e) {
      return Optional.of(unreadable(
          e, "The request's parameters could not be read: they are not valid UTF-8 or malformed."));
    }
    for (var entry : parameters.entrySet()) {
      var refused = check(entry.getKey(), entry.getKey());
      for (var value : entry.getValue()) {
        refused = refused.or(() -> check(entry.getKey(), value));
      }
      if (refused.isPresent()) {
        return refused;
      }
    }
    return Optional.empty();
  }

  private static Optional<Refused> check(String field, String text) {
    int c = text == null ? -1 : ControlCharacters.first(text);
    if (c < 0) {
      return Optional.empty();
    }
    var named = ControlCharacters.first(field) < 0 ? field : null;
    var message = (named == null ? "A field name" : "The field " + named)
        + " holds the control character " + ControlCharacters.name(c) + ", which is not accepted.";
    return Optional.of(new Refused(400, new RequestRefusal("invalid_characters", named, message)));
  }

  /** 413 when a limit was passed, else 400, as Tomcat found it. */
  private static Refused unreadable(Exception e, String message) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SizeException
          || (cause instanceof InvalidParameterException invalid
              && invalid.getErrorCode() == 413)) {
        return new Refused(
            413,
            new RequestRefusal(
                "request_too_large",
                null,
                "The request is larger than this server accepts: " + cause.getMessage()));
      }
    }
    return new Refused(400, new RequestRefusal("invalid_request_body", null, message));
  }
}
