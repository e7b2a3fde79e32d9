package app.kinora.shared;

/**
 * Kinora's own address as people and platforms outside reach it: the base of every absolute link
 * Kinora hands out (in emails, as a payment page's return address). It comes from configuration
 * ({@code kinora.account.public-url}) or, when that is unset, from the port this node was started
 * on — never from a request's {@code Host} or {@code X-Forwarded-*} headers, which anyone can
 * forge to have a reset link mailed to a victim point at the forger's server.
 */
@FunctionalInterface
public interface PublicAddress {

  /** The absolute URL of a path on this server, e.g. {@code link("/login")}. */
  String link(String path);
}
