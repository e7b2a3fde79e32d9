package app.kinora.account.internal;

import app.kinora.privacy.AccountClosures;
import app.kinora.shared.UserId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.stereotype.Component;

/**
 * The end of every sign-in, whichever the first factor (password or provider): asks for the
 * TOTP code if the account has one, else signs in on a fresh session id, notes the device and
 * time in the session (for the list of sessions and the absolute timeout) and records the
 * request context.
 */
@Component
class SignInFlow {

  private final Users users;
  private final SecurityContextRepository contexts;
  private final DeviceParser devices;
  private final RequestContexts requestContexts;
  private final AccountClosures closures;
  private final SecurityAudit audit;
  private final HttpSessionRequestCache savedRequests = new HttpSessionRequestCache();
  private final ChangeSessionIdAuthenticationStrategy sessionFixation =
      new ChangeSessionIdAuthenticationStrategy();

  SignInFlow(
      Users users,
      SecurityContextRepository contexts,
      DeviceParser devices,
      RequestContexts requestContexts,
      AccountClosures closures,
      SecurityAudit audit) {
    this.closures = closures;
    this.audit = audit;
    this.users = users;
    this.contexts = contexts;
    this.devices = devices;
    this.requestContexts = requestContexts;
  }

  /** Continues after the first factor: to the code page, or signed in to where the user was going. */
  void firstFactorPassed(UserId user, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (refusedWhileSuspended(user, request, response)) {
      return;
    }
    var credentials = users.credentials(user).orElseThrow();
    if (credentials.totpEnabled()) {
      var pending = UsernamePasswordAuthenticationToken.authenticated(
          new PendingSecondFactor(user),
          null,
          List.of(new SimpleGrantedAuthority(PendingSecondFactor.AUTHORITY)));
      establish(pending, request, response);
      response.sendRedirect(request.getContextPath() + "/login/totp");
      return;
    }
    signIn(credentials, request, response);
  }

  /** Signs the user in completely (after the second factor, if any). */
  void signIn(
      Users.Credentials credentials, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (refusedWhileSuspended(credentials.account().id(), request, response)) {
      return;
    }
    startSession(credentials, request, response);
    requestContexts.record(credentials.account().id(), RequestContexts.Activity.SIGN_IN, request);
    audit.byOwner(
        credentials.account().id(),
        "signed_in",
        credentials.totpEnabled() ? "with two-step code" : "");
    var saved = savedRequests.getRequest(request, response);
    savedRequests.removeRequest(request, response);
    if (closures.cancel(credentials.account().id())) {
      response.sendRedirect(request.getContextPath() + "/account/closure-cancelled");
      return;
    }
    response.sendRedirect(saved == null ? request.getContextPath() + "/" : saved.getRedirectUrl());
  }

  /**
   * Signs a just-opened account in, on a fresh session id: the sign-up form (with its proof of
   * work) was its first and only factor, and a new account has no second one yet.
   */
  void signedUp(UserId user, HttpServletRequest request, HttpServletResponse response) {
    startSession(users.credentials(user).orElseThrow(), request, response);
  }

  /** The signed-in session, on a fresh id, with the device and time the sessions page lists. */
  private void startSession(
      Users.Credentials credentials, HttpServletRequest request, HttpServletResponse response) {
    var details = new KinoraUserDetails(credentials.account(), credentials.passwordHash());
    establish(
        UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities()),
        request,
        response);
    var session = request.getSession();
    session.setAttribute(
        UserSessions.DEVICE, devices.parse(request.getHeader("User-Agent")).summary());
    session.setAttribute(UserSessions.SIGNED_IN_AT, Instant.now().toEpochMilli());
  }

  /** A suspended account passes no factor: it is sent back to the sign-in page, signed out. */
  private boolean refusedWhileSuspended(
      UserId user, HttpServletRequest request, HttpServletResponse response) throws IOException {
    if (!users.isSuspended(user)) {
      return false;
    }
    SecurityContextHolder.clearContext();
    var session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    response.sendRedirect(request.getContextPath() + "/login?suspended");
    return true;
  }

  private void establish(
      UsernamePasswordAuthenticationToken authentication,
      HttpServletRequest request,
      HttpServletResponse response) {
    // a new session id for the signed-in visitor (session fixation), keeping what the session held
    sessionFixation.onAuthentication(authentication, request, response);
    var context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(authentication);
    SecurityContextHolder.setContext(context);
    contexts.saveContext(context, request, response);
  }
}
