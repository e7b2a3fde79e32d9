package app.kinora.notification;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param from the sender of every email, e.g. {@code Kinora <no-reply@kinora.example>}
 * @param operatorName who runs this Kinora, named at the foot of every email
 * @param contactAddress where people can write to the operator, named at the foot of every email
 */
@Validated
@ConfigurationProperties("kinora.notification")
public record NotificationProperties(
    @NotBlank @DefaultValue("Kinora <no-reply@localhost>") String from,
    @DefaultValue("") String operatorName,
    @DefaultValue("") String contactAddress) {}
