package app.kinora.privacy;

import app.kinora.shared.UserId;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A user's objections to optional uses of their data (P12). Using prompts and outputs to improve
 * quality and safety is on until the user objects; marketing email is off until they ask for it.
 * Analytics are the cookie choice ({@link Consents}).
 */
@Service
public class PrivacySettings {

  /**
   * @param contentForQuality whether the user's prompts and outputs may be used (and sampled by
   *     operators) to improve quality and safety
   * @param marketingEmail whether the user wants news about the service by email
   */
  public record Settings(boolean contentForQuality, boolean marketingEmail) {

    public static final Settings DEFAULTS = new Settings(true, false);
  }

  private final JdbcClient jdbc;
  private final Clock clock;

  PrivacySettings(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public Settings of(UserId user) {
    return jdbc.sql(
            "select content_for_quality, marketing_email from privacy_settings where user_id = ?")
        .param(user.value())
        .query((rs, n) -> new Settings(rs.getBoolean(1), rs.getBoolean(2)))
        .optional()
        .orElse(Settings.DEFAULTS);
  }

  /** Whether the user's content may be used beyond making and delivering their own videos. */
  public boolean allowsContentUse(UserId user) {
    return of(user).contentForQuality();
  }

  public void save(UserId user, Settings settings) {
    jdbc.sql("""
            insert into privacy_settings (user_id, content_for_quality, marketing_email, updated_at) values (?, ?, ?, ?)
            on conflict (user_id) do update set content_for_quality = excluded.content_for_quality,
              marketing_email = excluded.marketing_email, updated_at = excluded.updated_at""")
        .params(
            user.value(),
            settings.contentForQuality(),
            settings.marketingEmail(),
            Timestamp.from(clock.instant()))
        .update();
  }

  public Map<String, Object> export(UserId user) {
    var settings = of(user);
    return Map.of(
        "contentForQuality",
        settings.contentForQuality(),
        "marketingEmail",
        settings.marketingEmail());
  }

  public void erase(UserId user) {
    jdbc.sql("delete from privacy_settings where user_id = ?")
        .param(user.value())
        .update();
  }
}
