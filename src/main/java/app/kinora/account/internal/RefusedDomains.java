package app.kinora.account.internal;

import app.kinora.account.AccountAdministration.RefusedDomain;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The email domains an operator refuses: no sign-up (with a password or a provider) and no move
 * of an account to such an address. A domain covers its subdomains.
 */
@Component
class RefusedDomains {

  private static final Pattern DOMAIN =
      Pattern.compile("(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");

  private final JdbcClient jdbc;

  RefusedDomains(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** @throws SignUpRejected when the address's domain, or a domain above it, is refused */
  void check(String email) {
    var at = email.lastIndexOf('@');
    if (at < 0) {
      return;
    }
    var domain = email.substring(at + 1).strip().toLowerCase(Locale.ROOT);
    boolean refused = jdbc.sql("""
                select count(*) from account_refused_domains
                 where :domain = domain or :domain like '%.' || domain""").param("domain", domain).query(Long.class).single() > 0;
    if (refused) {
      throw new SignUpRejected(
          "email", "Addresses at this domain are not accepted here. Please use another address.");
    }
  }

  List<RefusedDomain> all() {
    return jdbc.sql(
            "select domain, reason, created_at from account_refused_domains order by domain")
        .query((rs, n) -> new RefusedDomain(
            rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
        .list();
  }

  /** @throws IllegalArgumentException for text that is not a domain name */
  boolean refuse(String domain, String reason) {
    var normalized = normalize(domain);
    return jdbc.sql("""
                insert into account_refused_domains (domain, reason) values (?, ?)
                on conflict (domain) do nothing""").params(normalized, reason).update() == 1;
  }

  boolean allow(String domain) {
    return jdbc.sql("delete from account_refused_domains where domain = ?")
            .param(domain == null ? "" : domain.strip().toLowerCase(Locale.ROOT))
            .update()
        == 1;
  }

  private static String normalize(String domain) {
    var text = domain == null ? "" : domain.strip().toLowerCase(Locale.ROOT);
    if (text.startsWith("@")) {
      text = text.substring(1);
    }
    if (!DOMAIN.matcher(text).matches()) {
      throw new IllegalArgumentException("Enter a domain name such as example.com.");
    }
    return text;
  }
}
