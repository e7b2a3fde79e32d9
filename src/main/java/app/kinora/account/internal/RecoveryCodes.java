package app.kinora.account.internal;

import app.kinora.shared.UserId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * One-time codes to sign in when the authenticator is lost. Ten random 50-bit codes, shown once;
 * only their SHA-256 is stored (random codes need no slow hash).
 */
@Repository
class RecoveryCodes {

  private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;

  RecoveryCodes(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Replaces the user's codes by ten new ones and returns them. */
  List<String> renew(UserId user) {
    deleteAll(user);
    var codes = new ArrayList<String>();
    for (int i = 0; i < 10; i++) {
      var code = randomCode();
      codes.add(code);
      jdbc.sql("insert into account_recovery_codes (user_id, code_hash) values (?, ?)")
          .params(user.value(), hash(code))
          .update();
    }
    return codes;
  }

  /** Uses up a code; false if it is not one of the user's unused codes. */
  boolean use(UserId user, String code) {
    var normalized = code == null ? "" : code.strip().toLowerCase(Locale.ROOT).replace(" ", "");
    return jdbc.sql(
                "update account_recovery_codes set used_at = now() where user_id = ? and code_hash = ? and used_at is null")
            .params(user.value(), hash(normalized))
            .update()
        == 1;
  }

  int remaining(UserId user) {
    return jdbc.sql(
            "select count(*) from account_recovery_codes where user_id = ? and used_at is null")
        .param(user.value())
        .query(Integer.class)
        .single();
  }

  void deleteAll(UserId user) {
    jdbc.sql("delete from account_recovery_codes where user_id = ?")
        .param(user.value())
        .update();
  }

  private static String randomCode() {
    var code = new StringBuilder();
    for (int i = 0; i < 11; i++) {
      code.append(i == 5 ? '-' : ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return code.toString();
  }

  private static String hash(String code) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
