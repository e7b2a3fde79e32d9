package app.kinora.privacy.spi;

/**
 * A service that processes users' data on the operator's behalf, and where.
 *
 * @param name the service's name, as users know it
 * @param purpose what it receives users' data for
 * @param country where it processes them (a country or region)
 */
public record Subprocessor(String name, String purpose, String country) {}
