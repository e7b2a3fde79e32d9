/**
 * Audit: the append-only trail of security, privacy and operator actions (who did what to whose
 * data, when). The database refuses deletions and any change but the pseudonymisation of a
 * closed account's ids.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"shared", "privacy", "privacy::spi"})
package app.kinora.audit;
