/**
 * Admin: the operators' console under {@code /admin} (overview, users, generations, platforms,
 * safety, audit log, setup check; the privacy requests page of the privacy module joins its
 * menu). Only operators see it: for anyone else every {@code /admin} URL is a 404. Every change
 * takes a reason and is written to the audit trail with the operator who made it.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "shared",
      "account",
      "billing",
      "generation",
      "media",
      "provider",
      "safety",
      "audit",
      "privacy",
      "notification"
    })
package app.kinora.admin;
