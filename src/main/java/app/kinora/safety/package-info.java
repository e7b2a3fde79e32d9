/**
 * Safety: screening of prompts before any credit is held or anything is sent to a platform (a
 * chain of {@link app.kinora.safety.spi.Screener}s: the operator's list of blocked terms and an
 * optional moderation endpoint in OpenAI's shape), strikes that suspend an account's submissions,
 * and fair use (rate limits shared by every node through the database, queue priorities).
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"shared", "audit", "privacy::spi"})
package app.kinora.safety;
