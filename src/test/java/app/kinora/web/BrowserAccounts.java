package app.kinora.web;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;

/** Signing up and in as a person does in the browser, for browser tests of any area. */
public final class BrowserAccounts {

  private BrowserAccounts() {}

  /** Fills the age gate fields of the sign-up form: an adult in Sweden who accepts the terms. */
  public static void fillAdultAgeAndTerms(Page page) {
    page.getByLabel("Date of birth").fill(LocalDate.now().minusYears(30).toString());
    page.getByLabel("Country").selectOption("SE");
    page.getByLabel("I accept the terms").check();
  }

  /**
   * Clicks "Create account" and waits for the server's answer to the form: the page first works
   * out its proof of work (ALTCHA's widget, in Web Workers), which takes a second or two.
   */
  public static void createAccount(Page page) {
    page.waitForResponse(
        response ->
            response.request().method().equals("POST") && response.url().endsWith("/signup"),
        () -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account"))
            .click());
  }

  /**
   * On the sign-up page: creates an account, which signs it in and lands in the studio (with the
   * "confirm your email" banner).
   */
  public static void signUpAndSignIn(Page page, String email, String password) {
    page.getByLabel("Email").fill(email);
    page.getByLabel("Password").fill(password);
    fillAdultAgeAndTerms(page);
    createAccount(page);
    page.waitForURL(url -> url.endsWith("/") && !url.contains("/signup"));
  }

  /** On the sign-in page. */
  public static void signIn(Page page, String email, String password) {
    page.getByLabel("Email").fill(email);
    page.getByLabel("Password").fill(password);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
        .click();
  }
}
