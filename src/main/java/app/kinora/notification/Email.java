package app.kinora.notification;

import java.util.Map;
import java.util.Objects;

/**
 * A message to one address, written from the text template {@code templates/mail/<template>.txt}
 * with the given variables.
 */
public record Email(String to, String subject, String template, Map<String, Object> variables) {

  public Email {
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(template, "template");
    variables = Map.copyOf(variables);
  }
}
