/**
 * Privacy: consent (banner, settings, Global Privacy Control, consented first-party analytics),
 * the versioned policy documents filled from the deployment's configuration, acknowledgements of
 * material changes, the subprocessor registry, the retention engine, and the inventory of
 * personal data across modules. Every module that stores data about a user implements
 * {@link app.kinora.privacy.spi.PersonalDataHolder}; modules that keep data for a limited time
 * contribute a {@link app.kinora.privacy.spi.RetentionRule}. This module never reaches into
 * other modules' tables.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "notification"})
package app.kinora.privacy;
