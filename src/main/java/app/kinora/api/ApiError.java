package app.kinora.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * OpenAI's error body: {@code {"error": {"message", "type", "code", "param"}}}, always as JSON
 * whatever the request's {@code Accept} asked for (a client that wants a video must still learn why
 * it gets none).
 */
record ApiError(Body error) {

  record Body(String message, String type, String code, String param) {}

  /** The error of a status when nothing more is known, e.g. {@code not_found} for 404. */
  static ResponseEntity<ApiError> of(HttpStatus status) {
    return switch (status.value()) {
      case 400 -> of(status, "invalid_request", null, "The request could not be read.");
      case 404 -> of(status, "not_found", null, "No such API endpoint.");
      case 405 ->
        of(status, "method_not_allowed", null, "This endpoint does not take that method.");
      case 413 ->
        of(status, "request_too_large", null, "The request is larger than this server accepts.");
      default ->
        of(
            status,
            status.name().toLowerCase(java.util.Locale.ROOT),
            null,
            status.getReasonPhrase() + ".");
    };
  }

  static ResponseEntity<ApiError> of(HttpStatus status, String code, String param, String message) {
    var type = status.is5xxServerError() ? "server_error" : "invalid_request_error";
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_JSON)
        .body(new ApiError(new Body(message, type, code, param)));
  }
}
