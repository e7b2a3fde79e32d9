/**
 * Runtime platform: the embedded PostgreSQL, the cluster-safe job scheduler, request correlation
 * and error pages. Other modules never call it; it only wires infrastructure.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package app.kinora.platform;
