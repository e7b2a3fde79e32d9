package app.kinora.media.internal;

import java.security.SecureRandom;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The secret that signs media links, made once by whichever node needs it first and shared by all
 * through {@code media_secrets} (which was {@code library_secrets}: links signed before the move
 * keep working).
 */
@Component
class SigningSecret implements Supplier<byte[]> {

  private static final String NAME = "media-links";

  private final JdbcClient jdbc;
  private volatile byte[] value;

  SigningSecret(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public byte[] get() {
    var known = value;
    if (known == null) {
      var fresh = new byte[32];
      new SecureRandom().nextBytes(fresh);
      jdbc.sql(
              "insert into media_secrets (name, value) values (?, ?) on conflict (name) do nothing")
          .param(NAME)
          .param(fresh)
          .update();
      known = jdbc.sql("select value from media_secrets where name = ?")
          .param(NAME)
          .query(byte[].class)
          .single();
      value = known;
    }
    return known;
  }
}
