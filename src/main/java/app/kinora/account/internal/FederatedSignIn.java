package app.kinora.account.internal;

import app.kinora.shared.UserId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serializable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What happens after a provider (OIDC or OAuth2) vouched for someone. The provider's token is
 * gone by now (no authorized client is stored); only (provider, subject) is used, and the
 * provider's email only when it says the email is verified.
 * <ul>
 *   <li>a known identity signs in to its account;
 *   <li>a signed-in user who asked to link gets the identity linked;
 *   <li>an unknown identity whose verified email has an account is linked to it;
 *   <li>otherwise the person goes through the sign-up age gate before any account exists.
 * </ul>
 */
@Component
class FederatedSignIn implements AuthenticationSuccessHandler {

  static final String LINKING = "kinora.linkingUser";
  static final String PENDING = "kinora.pendingSignUp";

  /** A provider's word about a person, kept in the session only until the age gate answers. */
  record PendingSignUp(
      String provider, String subject, String email, boolean emailVerified, String name)
      implements Serializable {}

  private final Identities identities;
  private final Users users;
  private final SignInFlow signIn;
  private final SecurityContextRepository contexts;

  FederatedSignIn(
      Identities identities, Users users, SignInFlow signIn, SecurityContextRepository contexts) {
    this.identities = identities;
    this.users = users;
    this.signIn = signIn;
    this.contexts = contexts;
  }

  @Override
  @Transactional
  public void onAuthenticationSuccess(
      HttpServletRequest request, HttpServletResponse response, Authentication auth)
      throws IOException {
    var token = (OAuth2AuthenticationToken) auth;
    var provider = token.getAuthorizedClientRegistrationId();
    var person = token.getPrincipal();
    var subject = person instanceof OidcUser oidc ? oidc.getSubject() : person.getName();
    var session = request.getSession();
    var linking = (UserId) session.getAttribute(LINKING);
    session.removeAttribute(LINKING);
    forget(request, response);

    var owner = identities.owner(provider, subject);
    if (linking != null) {
      if (owner.isEmpty()) {
        identities.link(linking, provider, subject);
      }
      signIn.signIn(users.credentials(linking).orElseThrow(), request, response);
      return;
    }
    if (owner.isPresent()) {
      signIn.firstFactorPassed(owner.get(), request, response);
      return;
    }
    var email = attribute(person, "email");
    var verified = person instanceof OidcUser oidc && Boolean.TRUE.equals(oidc.getEmailVerified());
    if (email != null && verified) {
      var existing = users.credentialsByEmail(email);
      if (existing.isPresent()) {
        identities.link(existing.get().account().id(), provider, subject);
        signIn.firstFactorPassed(existing.get().account().id(), request, response);
        return;
      }
    }
    session.setAttribute(
        PENDING, new PendingSignUp(provider, subject, email, verified, attribute(person, "name")));
    response.sendRedirect(request.getContextPath() + "/signup/provider");
  }

  /** Drops the provider's authentication: the session holds no provider data beyond this point. */
  private void forget(HttpServletRequest request, HttpServletResponse response) {
    var empty = SecurityContextHolder.createEmptyContext();
    SecurityContextHolder.setContext(empty);
    contexts.saveContext(empty, request, response);
  }

  private static String attribute(OAuth2User person, String name) {
    var value = person.getAttribute(name);
    return value == null ? null : value.toString();
  }
}
