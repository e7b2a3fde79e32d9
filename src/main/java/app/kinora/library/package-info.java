/**
 * The library: a user's outputs and uploads indexed in {@code library_items} (kept in step by the
 * generation and media modules' events), with filters, prompt search, sort and keyset pages;
 * owner-only and signed-link delivery of their files; real deletion.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"shared", "generation", "media", "privacy::spi"})
package app.kinora.library;
