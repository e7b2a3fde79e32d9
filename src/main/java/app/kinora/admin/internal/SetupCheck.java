package app.kinora.admin.internal;

import app.kinora.account.AccountProperties;
import app.kinora.billing.BillingProperties;
import app.kinora.privacy.PrivacyProperties;
import app.kinora.provider.PlatformStatus;
import app.kinora.safety.SafetyProperties;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * What a site open to the public must configure, and which of it is missing: shown in the
 * console and logged as a warning when the node starts. Pages and emails leave unset fields out
 * rather than printing a placeholder.
 */
@Component
class SetupCheck {

  private static final Logger log = LoggerFactory.getLogger(SetupCheck.class);

  /** One setting: what it is for, the environment variable that sets it, and whether it is set. */
  record Item(String what, String setting, String why, boolean set) {}

  private final PrivacyProperties privacy;
  private final AccountProperties account;
  private final BillingProperties billing;
  private final PlatformStatus platforms;
  private final Environment environment;
  private final SafetyProperties.Moderation moderation;

  SetupCheck(
      PrivacyProperties privacy,
      AccountProperties account,
      BillingProperties billing,
      PlatformStatus platforms,
      Environment environment,
      SafetyProperties safety) {
    this.moderation = safety.moderation();
    this.privacy = privacy;
    this.account = account;
    this.billing = billing;
    this.platforms = platforms;
    this.environment = environment;
  }

  List<Item> items() {
    var operator = privacy.operator();
    var items = new ArrayList<Item>();
    items.add(new Item(
        "Operator's name",
        "KINORA_OPERATOR_NAME",
        "the privacy policy, the terms, the footer and every email name who runs the site",
        operator != null && present(operator.name())));
    items.add(new Item(
        "Privacy contact address",
        "KINORA_OPERATOR_CONTACT",
        "where people send privacy requests and questions",
        operator != null && present(operator.contactEmail())));
    items.add(new Item(
        "Postal address",
        "KINORA_OPERATOR_ADDRESS",
        "the privacy policy must say where the operator is established",
        operator != null && present(operator.address())));
    items.add(new Item(
        "Country of the operator",
        "KINORA_OPERATOR_COUNTRY",
        "the privacy policy names the law the operator answers to",
        operator != null && present(operator.country())));
    items.add(new Item(
        "Public address of the site",
        "KINORA_ACCOUNT_PUBLIC_URL",
        "links in emails and payment pages must lead to the site, not to the node's own address",
        account.publicUrl() != null));
    if (account.proofOfWork().enabled()) {
      items.add(new Item(
          "An https public address (or localhost)",
          "KINORA_ACCOUNT_PUBLIC_URL",
          "browsers work out sign-up's proof of work only on pages served over https or from"
              + " localhost: over plain http from another machine nobody can sign up",
          secureContext(account.publicUrl())));
    }
    items.add(new Item(
        "Mail server",
        "SPRING_MAIL_HOST",
        "sign-up confirmations, password resets and privacy requests are sent by email",
        present(environment.getProperty("spring.mail.host"))));
    items.add(new Item(
        "Payments",
        "KINORA_BILLING_STRIPE_SECRET_KEY",
        "without it users only get the credits operators grant them",
        present(billing.stripe().secretKey()) && !billing.packs().isEmpty()));
    items.add(new Item(
        "A video platform",
        "KINORA_PROVIDER_…",
        "without one, only the built-in local renderer makes videos",
        !platforms.platforms().isEmpty()));
    if (moderation.enabled()) {
      items.add(new Item(
          "Country of the moderation service",
          "KINORA_SAFETY_MODERATION_COUNTRY",
          "the privacy policy lists where the service that checks prompts processes them",
          present(moderation.country())));
    }
    return items;
  }

  List<Item> missing() {
    return items().stream().filter(item -> !item.set()).toList();
  }

  @EventListener(ApplicationReadyEvent.class)
  void warnAtStart() {
    var missing = missing();
    if (!missing.isEmpty()) {
      log.warn(
          "Not yet set for a public site: {}. See the console's setup page (/admin/setup).",
          String.join(", ", missing.stream().map(Item::setting).toList()));
    }
  }

  /**
   * Whether pages at {@code publicUrl} are what browsers call a secure context: https, or a
   * loopback host. Unset means the node's own {@code http://localhost} address, which is.
   */
  static boolean secureContext(String publicUrl) {
    if (publicUrl == null) {
      return true;
    }
    var uri = URI.create(publicUrl);
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    return "https".equalsIgnoreCase(uri.getScheme())
        || host.equals("localhost")
        || host.endsWith(".localhost")
        || host.equals("127.0.0.1")
        || host.equals("[::1]");
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }
}
