package app.kinora.account;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The operator account created at first start, for operators and automation. Environment
 * variables {@code KINORA_BOOTSTRAP_ADMIN_EMAIL}, {@code _PASSWORD} and {@code _API_KEY} bind here.
 *
 * @param adminEmail email of the operator account to create if missing
 * @param adminPassword its password
 * @param adminApiKey an API key string to register for it; only its hash is stored
 */
@ConfigurationProperties("kinora.bootstrap")
public record BootstrapProperties(String adminEmail, String adminPassword, String adminApiKey) {}
