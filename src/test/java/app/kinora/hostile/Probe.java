package app.kinora.hostile;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request to send: what it tries, and its method, target (path and query, encoded), headers
 * and body.
 */
record Probe(String label, String method, String target, Map<String, String> headers, byte[] body) {

  Probe {
    headers = new LinkedHashMap<>(headers);
  }

  String accept() {
    return headers.getOrDefault("Accept", "");
  }

  String contentType() {
    return headers.getOrDefault("Content-Type", "");
  }

  /** Whether the request's fields may carry the CSRF token in the body (a form the server can read). */
  boolean formBody() {
    var type = contentType();
    return body != null
        && (type.startsWith("application/x-www-form-urlencoded")
            || type.startsWith("multipart/form-data"));
  }

  @Override
  public String toString() {
    var shown = target.length() > 160 ? target.substring(0, 160) + "…" : target;
    return "%s %s [%s; %s; %d bytes]"
        .formatted(
            method,
            shown,
            label,
            accept().isEmpty() ? "no Accept" : "Accept " + accept(),
            body == null ? 0 : body.length);
  }
}
