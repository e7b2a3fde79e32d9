/**
 * Billing: the append-only credit ledger (grants, purchases, holds, captures, releases, refunds,
 * chargebacks, adjustments), pricing from configuration, Stripe Checkout and its webhooks.
 * Generation places a hold in its submit transaction and ends it in the transaction of the
 * generation's terminal state, so every hold ends exactly once.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"shared", "account", "privacy::spi"})
package app.kinora.billing;
