package app.kinora.account.internal;

import app.kinora.account.Account;
import app.kinora.shared.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code users} table. */
@Repository
class Users {

  private final JdbcClient jdbc;

  Users(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  static String normalize(String email) {
    return email.strip().toLowerCase(Locale.ROOT);
  }

  Account create(String email, String displayName, String passwordHash, Account.Role role) {
    var id = UserId.random();
    var now = Instant.now();
    jdbc.sql(
            """
            insert into users (id, email, email_normalized, display_name, password_hash, role, created_at)
            values (:id, :email, :normalized, :name, :hash, :role, :now)""")
        .param("id", id.value())
        .param("email", email.strip())
        .param("normalized", normalize(email))
        .param("name", displayName)
        .param("hash", passwordHash)
        .param("role", role.name())
        .param("now", Timestamp.from(now))
        .update();
    return new Account(id, email.strip(), displayName, role, now);
  }

  boolean existsByEmail(String email) {
    return jdbc.sql("select count(*) from users where email_normalized = ?")
            .param(normalize(email))
            .query(Long.class)
            .single()
        > 0;
  }

  Optional<Account> find(UserId id) {
    return jdbc.sql("select * from users where id = ?").param(id.value()).query(Users::account).optional();
  }

  Optional<Credentials> credentialsByEmail(String email) {
    return jdbc.sql("select * from users where email_normalized = ?")
        .param(normalize(email))
        .query((rs, n) -> new Credentials(account(rs, n), rs.getString("password_hash")))
        .optional();
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

  record Credentials(Account account, String passwordHash) {}
}
