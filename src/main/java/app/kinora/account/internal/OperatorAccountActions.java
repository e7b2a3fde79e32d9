package app.kinora.account.internal;

import app.kinora.account.Account;
import app.kinora.account.AccountAdministration;
import app.kinora.account.AccountSummary;
import app.kinora.shared.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The console's view of accounts and the changes operators make to them. */
@Service
class OperatorAccountActions implements AccountAdministration {

  /** The account's row with its last sign-in, read from the device log. */
  private static final String SUMMARY = """
      select u.*, (select max(c.created_at) from account_request_contexts c
                    where c.user_id = u.id and c.activity = 'SIGN_IN') as last_sign_in
        from users u
      """;

  private final JdbcClient jdbc;
  private final Users users;
  private final UserSessions sessions;
  private final AccountEmails emails;
  private final RefusedDomains domains;

  OperatorAccountActions(
      JdbcClient jdbc,
      Users users,
      UserSessions sessions,
      AccountEmails emails,
      RefusedDomains domains) {
    this.domains = domains;
    this.jdbc = jdbc;
    this.users = users;
    this.sessions = sessions;
    this.emails = emails;
  }

  @Override
  public List<AccountSummary> search(String text, int limit) {
    var needle = "%" + escapeLike(text == null ? "" : text.strip().toLowerCase()) + "%";
    return jdbc.sql(SUMMARY + """
             where u.email_normalized like :needle escape '\\'
                or lower(u.display_name) like :needle escape '\\'
             order by u.created_at desc limit :limit""")
        .param("needle", needle)
        .param("limit", limit)
        .query(OperatorAccountActions::summary)
        .list();
  }

  @Override
  public Optional<AccountSummary> findByEmail(String email) {
    if (email == null || email.isBlank()) {
      return Optional.empty();
    }
    return jdbc.sql(SUMMARY + " where u.email_normalized = ?")
        .param(Users.normalize(email))
        .query(OperatorAccountActions::summary)
        .optional();
  }

  @Override
  public Optional<AccountSummary> summary(UserId id) {
    return jdbc.sql(SUMMARY + " where u.id = ?")
        .param(id.value())
        .query(OperatorAccountActions::summary)
        .optional();
  }

  @Override
  public Counts counts() {
    return jdbc.sql("select count(*), count(suspended_at) from users")
        .query((rs, n) -> new Counts(rs.getLong(1), rs.getLong(2)))
        .single();
  }

  @Override
  @Transactional
  public boolean suspend(UserId id, String reason) {
    boolean changed = jdbc.sql("""
                update users set suspended_at = now(), suspension_reason = ?
                 where id = ? and suspended_at is null""").params(reason, id.value()).update() == 1;
    if (changed) {
      sessions.endAll(id, null);
    }
    return changed;
  }

  @Override
  public boolean reinstate(UserId id) {
    return jdbc.sql("""
                update users set suspended_at = null, suspension_reason = null
                 where id = ? and suspended_at is not null""").param(id.value()).update() == 1;
  }

  @Override
  public boolean resendVerification(UserId id) {
    if (users.isVerified(id)) {
      return false;
    }
    return users
        .find(id)
        .map(account -> {
          emails.sendVerification(account);
          return true;
        })
        .orElse(false);
  }

  @Override
  public List<RefusedDomain> refusedDomains() {
    return domains.all();
  }

  @Override
  public boolean refuseDomain(String domain, String reason) {
    return domains.refuse(domain, reason);
  }

  @Override
  public boolean allowDomain(String domain) {
    return domains.allow(domain);
  }

  @Override
  public void endSessions(UserId id) {
    sessions.endAll(id, null);
  }

  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private static AccountSummary summary(ResultSet rs, int row) throws SQLException {
    return new AccountSummary(
        new UserId(rs.getObject("id", UUID.class)),
        rs.getString("email"),
        rs.getString("display_name"),
        Account.Role.valueOf(rs.getString("role")),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("email_verified_at") != null,
        instant(rs.getTimestamp("last_sign_in")),
        instant(rs.getTimestamp("suspended_at")),
        rs.getString("suspension_reason"));
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
