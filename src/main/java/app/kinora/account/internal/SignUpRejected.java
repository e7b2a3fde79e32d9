package app.kinora.account.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A sign-up that cannot go ahead, with the fields at fault and a message for the person about
 * each (in the form's order, so the page can show them all at once next to their fields).
 */
class SignUpRejected extends RuntimeException {

  private final Map<String, String> problems;

  SignUpRejected(String field, String message) {
    this(Map.of(field, message));
  }

  SignUpRejected(Map<String, String> problems) {
    super(String.join(" ", problems.values()));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a refusal names at least one field");
    }
    this.problems = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(problems));
  }

  /** The first field at fault. */
  String field() {
    return problems.keySet().iterator().next();
  }

  /** Every field at fault, with its message, in the form's order. */
  Map<String, String> problems() {
    return problems;
  }
}
