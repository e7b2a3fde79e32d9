package app.kinora.account.internal;

import app.kinora.account.AccountProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * NIST SP 800-63B: a minimum length and a check against commonly used passwords, and no
 * composition rules.
 */
@Component
class PasswordPolicy {

  static final int MAX_LENGTH = 128;

  private final int minLength;
  private final Set<String> common;

  PasswordPolicy(AccountProperties properties) {
    this.minLength = properties.minPasswordLength();
    try (var in = new ClassPathResource("account/common-passwords.txt").getInputStream()) {
      this.common = new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .map(String::strip)
          .filter(line -> !line.isEmpty())
          .collect(Collectors.toUnmodifiableSet());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Why the password is not acceptable, or empty if it is. */
  Optional<String> weakness(String password) {
    if (password == null || password.codePointCount(0, password.length()) < minLength) {
      return Optional.of("Use at least " + minLength + " characters.");
    }
    if (password.length() > MAX_LENGTH) {
      return Optional.of("Use at most " + MAX_LENGTH + " characters.");
    }
    if (common.contains(password.toLowerCase(Locale.ROOT))) {
      return Optional.of("This password is too common; choose one that is hard to guess.");
    }
    return Optional.empty();
  }
}
