package app.kinora.generation;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param defaultModel the model used when a request names none
 * @param maxPromptLength longest prompt accepted, in characters
 */
@Validated
@ConfigurationProperties("kinora.generation")
public record GenerationProperties(
    @NotBlank @DefaultValue("kinora-local") String defaultModel,
    @Min(1) @DefaultValue("32000") int maxPromptLength) {}
