package app.kinora.api;

import org.springframework.http.HttpStatus;

/** An API request that fails with a given status and OpenAI-style code. */
class ApiProblem extends RuntimeException {

  private final HttpStatus status;
  private final String code;
  private final String param;

  ApiProblem(HttpStatus status, String code, String param, String message) {
    super(message);
    this.status = status;
    this.code = code;
    this.param = param;
  }

  static ApiProblem videoNotFound() {
    return new ApiProblem(
        HttpStatus.NOT_FOUND, "video_not_found", "video_id", "No video found with that id.");
  }

  HttpStatus status() {
    return status;
  }

  String code() {
    return code;
  }

  String param() {
    return param;
  }
}
