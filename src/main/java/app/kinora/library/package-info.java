/** The library: a user's finished videos, to watch, download and (later) organise and delete. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "generation", "media", "account"})
package app.kinora.library;
