package app.kinora.account.internal;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Loads users for the sign-in form by email. */
@Service
class KinoraUserDetailsService implements UserDetailsService {

  private final Users users;

  KinoraUserDetailsService(Users users) {
    this.users = users;
  }

  @Override
  public UserDetails loadUserByUsername(String email) {
    return users
        .credentialsByEmail(email)
        .map(
            credentials -> new KinoraUserDetails(credentials.account(), credentials.passwordHash()))
        .orElseThrow(() -> new UsernameNotFoundException("no such user"));
  }
}
