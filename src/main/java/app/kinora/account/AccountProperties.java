package app.kinora.account;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param secureCookies send the session cookie only over HTTPS (browsers treat
 *     http://localhost as secure too); turn off only for plain-HTTP access over a trusted LAN
 * @param minPasswordLength shortest password accepted at sign-up
 */
@Validated
@ConfigurationProperties("kinora.account")
public record AccountProperties(
    @DefaultValue("true") boolean secureCookies, @Min(8) @DefaultValue("10") int minPasswordLength) {}
