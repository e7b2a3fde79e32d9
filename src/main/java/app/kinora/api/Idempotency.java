package app.kinora.api;

import app.kinora.shared.UserId;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Idempotency-Key} on the POSTs that create or cost something, as Stripe does it: the first
 * request with a key runs and its successful answer is kept for a day; the same key with the same
 * request gets that answer again, byte for byte, and creates nothing; the same key with another
 * request is refused. Concurrent duplicates wait for the first one's answer, on any node: the
 * database's primary key decides which request runs. A request that fails keeps nothing, so it can
 * be retried with its key.
 */
@Component
class Idempotency {

  static final String HEADER = "Idempotency-Key";
  private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");
  private static final Duration WAIT = Duration.ofSeconds(60);

  private final IdempotencyKeys keys;
  private final JsonMapper json;
  private final Duration lifetime;

  Idempotency(IdempotencyKeys keys, JsonMapper json, ApiProperties properties) {
    this.keys = keys;
    this.json = json;
    this.lifetime = properties.idempotencyKeyLifetime();
  }

  /**
   * The answer of {@code work}, run once per key.
   *
   * @param body the request's parsed JSON body, or null for a form
   */
  ResponseEntity<String> once(
      UserId user, HttpServletRequest request, Object body, Supplier<ResponseEntity<String>> work) {
    var key = request.getHeader(HEADER);
    if (key == null) {
      return work.get();
    }
    if (!KEY.matcher(key).matches()) {
      throw new ApiProblem(
          HttpStatus.BAD_REQUEST,
          "invalid_idempotency_key",
          null,
          "The Idempotency-Key must be 1 to 255 visible ASCII characters.");
    }
    var fingerprint = fingerprint(request, body);
    var deadline = System.nanoTime() + WAIT.toNanos();
    long pause = 10;
    while (System.nanoTime() < deadline) {
      if (keys.claim(user, key, fingerprint, lifetime)) {
        return run(user, key, work);
      }
      var entry = keys.find(user, key);
      if (entry.isPresent() && !entry.get().fingerprint().equals(fingerprint)) {
        throw new ApiProblem(
            HttpStatus.UNPROCESSABLE_CONTENT,
            "idempotency_key_reused",
            null,
            "This Idempotency-Key was already used for a different request. Use a new key for a new request.");
      }
      if (entry.isPresent() && entry.get().answered()) {
        return ResponseEntity.status(entry.get().status())
            .contentType(MediaType.APPLICATION_JSON)
            .header("Idempotent-Replayed", "true")
            .body(entry.get().body());
      }
      sleep(pause);
      pause = Math.min(200, pause * 2);
    }
    throw new ApiProblem(
        HttpStatus.CONFLICT,
        "idempotency_key_in_use",
        null,
        "A request with this Idempotency-Key is still being processed. Retry it in a moment.");
  }

  private ResponseEntity<String> run(
      UserId user, String key, Supplier<ResponseEntity<String>> work) {
    ResponseEntity<String> answer;
    try {
      answer = work.get();
    } catch (RuntimeException | Error e) {
      keys.release(user, key);
      throw e;
    }
    if (answer.getStatusCode().is2xxSuccessful()) {
      keys.answer(user, key, answer.getStatusCode().value(), answer.getBody());
    } else {
      keys.release(user, key);
    }
    return answer;
  }

  /** Method, path, fields (sorted), the bytes of each file and the JSON body: what makes a request the same. */
  private String fingerprint(HttpServletRequest request, Object body) {
    var digest = sha256();
    update(digest, request.getMethod() + " " + request.getRequestURI() + "\n");
    new TreeMap<>(request.getParameterMap())
        .forEach(
            (name, values) -> update(digest, name + "=" + String.join("\u0000", values) + "\n"));
    var multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
    if (multipart != null) {
      new TreeMap<>(multipart.getMultiFileMap()).forEach((name, files) -> {
        update(digest, "file " + name + "\n");
        for (var file : files) {
          try (var in = file.getInputStream()) {
            var buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
              digest.update(buffer, 0, n);
            }
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      });
    }
    if (body != null) {
      update(digest, json.writeValueAsString(body));
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static void update(MessageDigest digest, String text) {
    digest.update(text.getBytes(StandardCharsets.UTF_8));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiProblem(
          HttpStatus.CONFLICT,
          "idempotency_key_in_use",
          null,
          "A request with this Idempotency-Key is still being processed. Retry it in a moment.");
    }
  }
}
