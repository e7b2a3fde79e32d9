/**
 * Shared kernel: small value types (ids, sizes) that several modules speak in. Open to every
 * module; holds no behaviour beyond validation.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package app.kinora.shared;
