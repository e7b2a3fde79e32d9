/**
 * Privacy: the inventory of personal data across modules. Every module that stores data about
 * a user implements {@link app.kinora.privacy.spi.PersonalDataHolder}; this module exports and
 * erases through them and never reaches into their tables.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package app.kinora.privacy;
