/**
 * Runtime platform: the embedded PostgreSQL, the cluster-safe job scheduler, request correlation
 * and error pages (with the paths anyone may fetch: static files, errors). Other modules
 * never call it; it only wires infrastructure.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package app.kinora.platform;
