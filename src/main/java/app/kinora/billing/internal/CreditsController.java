package app.kinora.billing.internal;

import app.kinora.account.Account;
import app.kinora.account.Accounts;
import app.kinora.billing.BillingProperties;
import app.kinora.billing.PriceRequest;
import app.kinora.shared.PublicAddress;
import app.kinora.shared.UserId;
import app.kinora.shared.UserPrincipal;
import app.kinora.shared.VideoSize;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The Credits page (balance, open holds, history, buying) and the studio's live quote. */
@Controller
class CreditsController {

  private final Ledger ledger;
  private final CreditHistory history;
  private final Payments payments;
  private final StripeGateway stripe;
  private final Accounts accounts;
  private final BillingProperties properties;
  private final PublicAddress address;

  CreditsController(
      Ledger ledger,
      CreditHistory history,
      Payments payments,
      StripeGateway stripe,
      Accounts accounts,
      BillingProperties properties,
      PublicAddress address) {
    this.address = address;
    this.ledger = ledger;
    this.history = history;
    this.payments = payments;
    this.stripe = stripe;
    this.accounts = accounts;
    this.properties = properties;
  }

  @GetMapping("/credits")
  String credits(
      @AuthenticationPrincipal UserPrincipal user,
      @RequestParam(required = false) List<String> kind,
      @RequestParam(required = false) String reference,
      Model model) {
    var categories = CreditHistory.categories(kind);
    var ref = reference == null || reference.isBlank() ? null : reference.strip();
    var balance = ledger.balance(user.userId());
    model.addAttribute("balance", balance);
    model.addAttribute(
        "history", history.of(user.userId(), balance.balance().value(), categories, ref));
    model.addAttribute("reference", ref);
    model.addAttribute("kinds", CreditStatement.Category.values());
    model.addAttribute("selected", categories);
    model.addAttribute("payments", payments.of(user.userId()));
    model.addAttribute("packs", properties.packs());
    model.addAttribute(
        "paymentsEnabled", stripe.configured() && !properties.packs().isEmpty());
    model.addAttribute("operator", isOperator(user.userId()));
    model.addAttribute("verified", accounts.isVerified(user.userId()));
    return "billing/credits";
  }

  /** The price of what the studio form describes, re-rendered by htmx as the form changes. */
  @GetMapping("/credits/quote")
  String quote(
      @AuthenticationPrincipal UserPrincipal user,
      @RequestParam(required = false) String model,
      @RequestParam(required = false) String seconds,
      @RequestParam(required = false) String size,
      @RequestParam(required = false) String sound,
      Model view) {
    try {
      var audio = sound != null && sound.contains("on") && !sound.equals("off");
      var work = new PriceRequest(
          model == null ? "" : model, Integer.parseInt(seconds), VideoSize.parse(size), audio);
      view.addAttribute("price", ledger.quote(work));
    } catch (IllegalArgumentException | NullPointerException e) {
      view.addAttribute("price", null);
    }
    view.addAttribute("balance", ledger.balance(user.userId()));
    return "billing/quote :: quote";
  }

  /** Opens a Stripe Checkout Session for the pack and sends the browser to Stripe's page. */
  @PostMapping("/credits/checkout")
  String checkout(
      @AuthenticationPrincipal UserPrincipal user,
      @RequestParam String pack,
      Model model,
      RedirectAttributes flash) {
    var chosen = properties
        .pack(pack)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "No such pack."));
    if (!stripe.configured()) {
      flash.addFlashAttribute(
          "error", "Payments are not set up on this server; ask its operator for credits.");
      return "redirect:/credits";
    }
    if (!accounts.isVerified(user.userId())) {
      flash.addFlashAttribute(
          "error",
          "Please confirm your email address first: we sent you a link when you signed up.");
      return "redirect:/credits";
    }
    var base = address.link("/credits/checkout");
    var email = accounts.find(user.userId()).map(Account::email).orElse(null);
    try {
      var session = stripe.createCheckout(
          chosen, base + "/success?session_id={CHECKOUT_SESSION_ID}", base + "/cancel", email);
      if (!payments.opened(
          session.id(),
          user.userId(),
          chosen.id(),
          chosen.credits(),
          chosen.amount(),
          chosen.currency())) {
        throw new StripeGateway.PaymentsUnavailable(
            "Stripe answered with a checkout session already recorded.");
      }
      // a page that moves on to Stripe, rather than a redirect: the CSP's form-action stays 'self'
      model.addAttribute("checkoutUrl", session.url());
      return "billing/checkout-redirect";
    } catch (StripeGateway.PaymentsUnavailable e) {
      flash.addFlashAttribute(
          "error", "The payment page could not be opened. Please try again later.");
      return "redirect:/credits";
    }
  }

  @GetMapping("/credits/checkout/success")
  String success(
      @AuthenticationPrincipal UserPrincipal user,
      @RequestParam(name = "session_id", required = false) String session,
      Model model) {
    model.addAttribute(
        "payment",
        session == null ? null : payments.owned(user.userId(), session).orElse(null));
    model.addAttribute("balance", ledger.balance(user.userId()));
    return "billing/checkout-success";
  }

  @GetMapping("/credits/checkout/cancel")
  String cancel() {
    return "billing/checkout-cancel";
  }

  /** Stripe's hosted receipt of one of the user's payments. */
  @GetMapping("/credits/receipts/{session}")
  String receipt(@AuthenticationPrincipal UserPrincipal user, @PathVariable String session) {
    var payment = payments
        .owned(user.userId(), session)
        .filter(p -> p.paymentIntentId() != null)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    var url = payments
        .charge(payment.paymentIntentId())
        .map(Payments.ChargeFacts::receiptUrl)
        .or(() -> stripe.receiptUrl(payment.paymentIntentId()))
        .orElseThrow(() ->
            new ResponseStatusException(HttpStatus.NOT_FOUND, "Stripe has no receipt for it yet."));
    return "redirect:" + url;
  }

  private boolean isOperator(UserId user) {
    return accounts.find(user).map(Account::role).orElse(null) == Account.Role.ADMIN;
  }
}
