package app.kinora.api;

import app.kinora.billing.InsufficientCredits;
import app.kinora.generation.InvalidGenerationRequest;
import app.kinora.safety.RateLimited;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Errors raised by the API's handlers, in OpenAI's error shape with the fitting status. Errors
 * raised before a handler runs (unknown paths, for instance) are shaped by {@link
 * ApiAwareErrorController}.
 */
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
class ApiErrors {

  private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

  @ExceptionHandler
  ResponseEntity<ApiError> invalid(InvalidGenerationRequest e) {
    var status = switch (e.problem()) {
      case INVALID -> HttpStatus.BAD_REQUEST;
      case TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
      case UNSUPPORTED_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
      case FORBIDDEN -> HttpStatus.FORBIDDEN;
      case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
    };
    return ApiError.of(status, e.code(), e.param(), e.getMessage());
  }

  /** OpenAI's answer to too many requests: 429 with the seconds to wait. */
  @ExceptionHandler
  ResponseEntity<ApiError> rateLimited(RateLimited e) {
    var answer =
        ApiError.of(HttpStatus.TOO_MANY_REQUESTS, "rate_limit_exceeded", null, e.getMessage());
    return ResponseEntity.status(answer.getStatusCode())
        .headers(answer.getHeaders())
        .header("Retry-After", Long.toString(e.retryAfterSeconds()))
        .body(answer.getBody());
  }

  @ExceptionHandler
  ResponseEntity<ApiError> insufficientCredits(InsufficientCredits e) {
    return ApiError.of(HttpStatus.PAYMENT_REQUIRED, "insufficient_credits", null, e.getMessage());
  }

  @ExceptionHandler
  ResponseEntity<ApiError> problem(ApiProblem e) {
    return ApiError.of(e.status(), e.code(), e.param(), e.getMessage());
  }

  /** A body that is not JSON, or a field of the wrong type or holding a control character. */
  @ExceptionHandler
  ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
    if (e.getMostSpecificCause() instanceof MismatchedInputException mismatch
        && !mismatch.getPath().isEmpty()
        && mismatch.getPath().getLast().getPropertyName() != null) {
      var param = mismatch.getPath().getLast().getPropertyName();
      // our own text deserializer is the one that refuses text as a format, and says why in words
      var reason = mismatch instanceof InvalidFormatException invalid
              && invalid.getTargetType() == String.class
          ? ": " + invalid.getOriginalMessage()
          : "";
      return ApiError.of(
          HttpStatus.BAD_REQUEST,
          "invalid_value",
          param,
          "The value of " + param + " is not valid" + reason + ".");
    }
    return ApiError.of(
        HttpStatus.BAD_REQUEST,
        "invalid_json",
        null,
        "The request body is not valid JSON for this endpoint.");
  }

  @ExceptionHandler
  ResponseEntity<ApiError> mismatch(MethodArgumentTypeMismatchException e) {
    return ApiError.of(
        HttpStatus.BAD_REQUEST,
        "invalid_value",
        e.getName(),
        "The value of " + e.getName() + " is not valid.");
  }

  @ExceptionHandler
  ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e) {
    return ApiError.of(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        "unsupported_media_type",
        null,
        "Send application/json or multipart/form-data.");
  }

  @ExceptionHandler
  ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e) {
    return ApiError.of(HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed", null, e.getMessage());
  }

  @ExceptionHandler
  ResponseEntity<ApiError> multipart(MultipartException e) {
    if (e instanceof MaxUploadSizeExceededException) {
      return ApiError.of(HttpStatus.CONTENT_TOO_LARGE);
    }
    return ApiError.of(
        HttpStatus.BAD_REQUEST,
        "invalid_request_body",
        null,
        "The multipart body could not be read: it is malformed or cut short.");
  }

  /** Spring MVC's own refusals (a missing parameter, say) with their status; anything else is ours: 500. */
  @ExceptionHandler
  ResponseEntity<ApiError> unexpected(Exception e) {
    if (e instanceof ErrorResponse known && known.getStatusCode().is4xxClientError()) {
      var status = HttpStatus.valueOf(known.getStatusCode().value());
      var detail = known.getBody().getDetail();
      var generic = ApiError.of(status).getBody().error();
      return ApiError.of(status, generic.code(), null, detail != null ? detail : generic.message());
    }
    log.error("Unexpected API error", e);
    return ApiError.of(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "internal_error",
        null,
        "Something went wrong on our side.");
  }
}
