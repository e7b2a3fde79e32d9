package app.kinora.provenance;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Content Credentials ({@code kinora.provenance}).
 *
 * @param credentialsDir where Kinora keeps the self-signed signing key it makes when no keystore
 *     is configured
 * @param keystore a PKCS#12 file with the signing key and its certificate chain (for production:
 *     a certificate from a CA on the C2PA trust list); unset, Kinora signs with its own
 * @param keystorePassword the keystore's password
 * @param keyAlias the key's alias in the keystore; unset, its only key
 * @param trustAnchors a PEM file of CA certificates whose credentials {@code /verify} calls trusted
 * @param timestampAuthority an RFC 3161 timestamp authority's URL; unset, manifests carry no
 *     trusted time
 * @param timestampTimeout how long to wait for the timestamp authority
 * @param visibleLabel draw a small "AI-generated" label in a corner of platform outputs
 * @param publicVerify whether {@code /verify} answers visitors who are not signed in
 */
@Validated
@ConfigurationProperties("kinora.provenance")
public record ProvenanceProperties(
    @NotNull Path credentialsDir,
    Path keystore,
    String keystorePassword,
    String keyAlias,
    Path trustAnchors,
    URI timestampAuthority,
    @NotNull @DefaultValue("10s") Duration timestampTimeout,
    @DefaultValue("true") boolean visibleLabel,
    @DefaultValue("true") boolean publicVerify) {}
