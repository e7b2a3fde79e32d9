/**
 * Shared kernel: small value types (ids, sizes) that several modules speak in, and the few
 * declarations every module may make to the web's security ({@link app.kinora.shared.WebPaths},
 * {@link app.kinora.shared.ExtraMediaSources}) and read from it ({@link
 * app.kinora.shared.UserPrincipal}), and the one address absolute links are built on ({@link
 * app.kinora.shared.PublicAddress}). Open to every module; holds no behaviour beyond validation.
 */
@org.springframework.modulith.ApplicationModule(
    type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package app.kinora.shared;
