package app.kinora.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** OpenAI's error body: {@code {"error": {"message", "type", "code", "param"}}}. */
record ApiError(Body error) {

  record Body(String message, String type, String code, String param) {}

  static ResponseEntity<ApiError> of(HttpStatus status, String code, String param, String message) {
    var type = status.is5xxServerError() ? "server_error" : "invalid_request_error";
    return ResponseEntity.status(status).body(new ApiError(new Body(message, type, code, param)));
  }
}
