package app.kinora.account.internal;

import app.kinora.account.Account;
import app.kinora.account.AccountVerified;
import app.kinora.shared.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code users} table. */
@Repository
class Users {

  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;

  Users(JdbcClient jdbc, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.events = events;
  }

  static String normalize(String email) {
    return email.strip().toLowerCase(Locale.ROOT);
  }

  /** What a new account starts with; {@code passwordHash} is null for OAuth-only accounts. */
  record NewUser(
      String email,
      String displayName,
      String passwordHash,
      Account.Role role,
      boolean emailVerified,
      LocalDate ageConfirmedOn,
      String country,
      String termsVersion,
      String privacyVersion) {}

  Account create(NewUser user) {
    var id = UserId.random();
    var now = Timestamp.from(Instant.now());
    jdbc.sql("""
            insert into users (id, email, email_normalized, display_name, password_hash, role, created_at,
                               email_verified_at, age_confirmed_on, country, terms_version, privacy_version,
                               terms_accepted_at)
            values (:id, :email, :normalized, :name, :hash, :role, :now, :verified, :ageOn, :country, :terms,
                    :privacy, :accepted)""")
        .param("id", id.value())
        .param("email", user.email().strip())
        .param("normalized", normalize(user.email()))
        .param("name", user.displayName())
        .param("hash", user.passwordHash())
        .param("role", user.role().name())
        .param("now", now)
        .param("verified", user.emailVerified() ? now : null)
        .param("ageOn", user.ageConfirmedOn())
        .param("country", user.country())
        .param("terms", user.termsVersion())
        .param("privacy", user.privacyVersion())
        .param("accepted", user.termsVersion() == null ? null : now)
        .update();
    if (user.emailVerified()) {
      events.publishEvent(new AccountVerified(id));
    }
    return find(id).orElseThrow();
  }

  boolean existsByEmail(String email) {
    return jdbc.sql("select count(*) from users where email_normalized = ?")
            .param(normalize(email))
            .query(Long.class)
            .single()
        > 0;
  }

  /** Every verified address, read in pages of 500 by address so memory stays small. */
  void forEachVerifiedEmail(java.util.function.Consumer<String> action) {
    var after = "";
    while (true) {
      var page = jdbc.sql("""
              select email_normalized from users where email_verified_at is not null and email_normalized > ?
               order by email_normalized limit 500""").param(after).query(String.class).list();
      page.forEach(action);
      if (page.size() < 500) {
        return;
      }
      after = page.getLast();
    }
  }

  Optional<Account> find(UserId id) {
    return jdbc.sql("select * from users where id = ?")
        .param(id.value())
        .query(Users::account)
        .optional();
  }

  Optional<Credentials> credentials(UserId id) {
    return jdbc.sql("select * from users where id = ?")
        .param(id.value())
        .query(Users::credentials)
        .optional();
  }

  Optional<Credentials> credentialsByEmail(String email) {
    return jdbc.sql("select * from users where email_normalized = ?")
        .param(normalize(email))
        .query(Users::credentials)
        .optional();
  }

  /** The user's profile and the facts recorded at sign-up, for the profile page and export. */
  Optional<Profile> profile(UserId id) {
    return jdbc.sql("select * from users where id = ?")
        .param(id.value())
        .query((rs, n) -> new Profile(
            account(rs, n),
            rs.getTimestamp("email_verified_at") != null,
            rs.getString("language"),
            rs.getObject("age_confirmed_on", LocalDate.class),
            rs.getString("country"),
            rs.getString("terms_version"),
            rs.getString("privacy_version"),
            Optional.ofNullable(rs.getTimestamp("terms_accepted_at"))
                .map(Timestamp::toInstant)
                .orElse(null),
            rs.getString("password_hash") != null,
            rs.getTimestamp("totp_enabled_at") != null))
        .optional();
  }

  /** Whether an operator has suspended the account (an unknown account is not). */
  boolean isSuspended(UserId id) {
    return jdbc.sql("select suspended_at is not null from users where id = ?")
        .param(id.value())
        .query(Boolean.class)
        .optional()
        .orElse(false);
  }

  boolean isVerified(UserId id) {
    return jdbc.sql("select email_verified_at is not null from users where id = ?")
        .param(id.value())
        .query(Boolean.class)
        .optional()
        .orElse(false);
  }

  /** Marks the email verified if it is still the given one; true when it is (now or already). */
  boolean markVerified(UserId id, String email) {
    boolean nowVerified = jdbc.sql(
                "update users set email_verified_at = now() where id = ? and email_normalized = ? and email_verified_at is null")
            .params(id.value(), normalize(email))
            .update()
        == 1;
    if (nowVerified) {
      events.publishEvent(new AccountVerified(id));
      return true;
    }
    return jdbc.sql(
                "select count(*) from users where id = ? and email_normalized = ? and email_verified_at is not null")
            .params(id.value(), normalize(email))
            .query(Integer.class)
            .single()
        == 1;
  }

  void changePassword(UserId id, String passwordHash) {
    jdbc.sql("update users set password_hash = ? where id = ?")
        .params(passwordHash, id.value())
        .update();
  }

  /** Moves the account to a new, verified email. */
  void changeEmail(UserId id, String email) {
    boolean wasVerified = isVerified(id);
    jdbc.sql(
            "update users set email = ?, email_normalized = ?, email_verified_at = now() where id = ?")
        .params(email.strip(), normalize(email), id.value())
        .update();
    if (!wasVerified) {
      events.publishEvent(new AccountVerified(id));
    }
  }

  void updateProfile(UserId id, String displayName, String language) {
    jdbc.sql("update users set display_name = ?, language = ? where id = ?")
        .params(displayName, language, id.value())
        .update();
  }

  Optional<String> totpSecret(UserId id) {
    return jdbc.sql("select totp_secret from users where id = ? and totp_enabled_at is not null")
        .param(id.value())
        .query(String.class)
        .optional();
  }

  void enableTotp(UserId id, String secret) {
    jdbc.sql("update users set totp_secret = ?, totp_enabled_at = now() where id = ?")
        .params(secret, id.value())
        .update();
  }

  void disableTotp(UserId id) {
    jdbc.sql(
            "update users set totp_secret = null, totp_enabled_at = null, totp_last_step = null where id = ?")
        .param(id.value())
        .update();
  }

  /** Records a used TOTP time step; false if it (or a later one) was used already. */
  boolean acceptTotpStep(UserId id, long step) {
    return jdbc.sql(
                "update users set totp_last_step = ? where id = ? and (totp_last_step is null or totp_last_step < ?)")
            .params(step, id.value(), step)
            .update()
        == 1;
  }

  void delete(UserId id) {
    jdbc.sql("delete from users where id = ?").param(id.value()).update();
  }

  private static Account account(ResultSet rs, int row) throws SQLException {
    return new Account(
        new UserId(rs.getObject("id", UUID.class)),
        rs.getString("email"),
        rs.getString("display_name"),
        Account.Role.valueOf(rs.getString("role")),
        rs.getTimestamp("created_at").toInstant());
  }

  private static Credentials credentials(ResultSet rs, int row) throws SQLException {
    return new Credentials(
        account(rs, row),
        rs.getString("password_hash"),
        rs.getTimestamp("totp_enabled_at") != null);
  }

  record Credentials(Account account, String passwordHash, boolean totpEnabled) {}

  record Profile(
      Account account,
      boolean emailVerified,
      String language,
      LocalDate ageConfirmedOn,
      String country,
      String termsVersion,
      String privacyVersion,
      Instant termsAcceptedAt,
      boolean hasPassword,
      boolean totpEnabled) {}
}
