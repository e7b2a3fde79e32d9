package app.kinora.account.internal;

import app.kinora.shared.UserId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code account_identities} table: (provider, subject) pairs that sign in to a user. */
@Repository
class Identities {

  record Identity(String provider, String subject, Instant createdAt) {}

  private final JdbcClient jdbc;

  Identities(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<UserId> owner(String provider, String subject) {
    return jdbc.sql("select user_id from account_identities where provider = ? and subject = ?")
        .params(provider, subject)
        .query(UUID.class)
        .optional()
        .map(UserId::new);
  }

  void link(UserId user, String provider, String subject) {
    jdbc.sql(
            "insert into account_identities (provider, subject, user_id, created_at) values (?, ?, ?, ?)")
        .params(provider, subject, user.value(), Timestamp.from(Instant.now()))
        .update();
  }

  List<Identity> list(UserId user) {
    return jdbc.sql(
            "select provider, subject, created_at from account_identities where user_id = ? order by created_at")
        .param(user.value())
        .query((rs, n) -> new Identity(
            rs.getString("provider"),
            rs.getString("subject"),
            rs.getTimestamp("created_at").toInstant()))
        .list();
  }

  boolean unlink(UserId user, String provider) {
    return jdbc.sql("delete from account_identities where user_id = ? and provider = ?")
            .params(user.value(), provider)
            .update()
        > 0;
  }

  void deleteAll(UserId user) {
    jdbc.sql("delete from account_identities where user_id = ?")
        .param(user.value())
        .update();
  }
}
