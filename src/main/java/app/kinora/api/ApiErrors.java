package app.kinora.api;

import app.kinora.billing.InsufficientCredits;
import app.kinora.generation.InvalidGenerationRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;

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
    };
    return ApiError.of(status, e.code(), e.param(), e.getMessage());
  }

  @ExceptionHandler
  ResponseEntity<ApiError> insufficientCredits(InsufficientCredits e) {
    return ApiError.of(HttpStatus.PAYMENT_REQUIRED, "insufficient_credits", null, e.getMessage());
  }

  @ExceptionHandler
  ResponseEntity<ApiError> problem(ApiProblem e) {
    return ApiError.of(e.status(), e.code(), e.param(), e.getMessage());
  }

  @ExceptionHandler
  ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
    return ApiError.of(HttpStatus.BAD_REQUEST, "invalid_json", null, "The request body is not valid JSON for this endpoint.");
  }

  @ExceptionHandler
  ResponseEntity<ApiError> mismatch(MethodArgumentTypeMismatchException e) {
    return ApiError.of(HttpStatus.BAD_REQUEST, "invalid_value", e.getName(), "The value of " + e.getName() + " is not valid.");
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
    return ApiError.of(HttpStatus.PAYLOAD_TOO_LARGE, "upload_too_large", null, "The upload is too large.");
  }

  @ExceptionHandler
  ResponseEntity<ApiError> unexpected(Exception e) {
    log.error("Unexpected API error", e);
    return ApiError.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error", null, "Something went wrong on our side.");
  }
}
