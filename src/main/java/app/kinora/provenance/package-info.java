/**
 * Content Credentials (C2PA): signs every video Kinora stores with a manifest that says it was
 * made by a model (and which), keeps a platform's own credentials as the parent ingredient, and
 * reads and checks the credentials of any MP4 for the {@code /verify} page and the API.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "media"})
package app.kinora.provenance;
