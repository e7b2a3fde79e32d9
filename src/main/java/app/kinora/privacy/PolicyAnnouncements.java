package app.kinora.privacy;

import app.kinora.notification.Email;
import app.kinora.notification.Mailer;
import app.kinora.privacy.spi.AccountDirectory;
import app.kinora.shared.PublicAddress;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Announces a material change of a policy by email to every verified address (P17), once per
 * version, when its date has come. The claim on the version is taken in the database, so two
 * nodes never announce the same version twice.
 */
@Service
public class PolicyAnnouncements {

  private static final Logger log = LoggerFactory.getLogger(PolicyAnnouncements.class);

  private final PolicyDocuments documents;
  private final AccountDirectory accounts;
  private final Mailer mailer;
  private final JdbcClient jdbc;
  private final PublicAddress address;
  private final Clock clock;

  PolicyAnnouncements(
      PolicyDocuments documents,
      AccountDirectory accounts,
      Mailer mailer,
      JdbcClient jdbc,
      PublicAddress address,
      Clock clock) {
    this.documents = documents;
    this.accounts = accounts;
    this.mailer = mailer;
    this.jdbc = jdbc;
    this.address = address;
    this.clock = clock;
  }

  /** Announces every material version not yet announced whose date has come; returns how many emails. */
  public long announcePending() {
    var today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString();
    long sent = 0;
    for (var document : PolicyDocuments.DOCUMENTS) {
      var material = documents.latestMaterial(document);
      if (material.isEmpty()
          || material.get().version().compareTo(today) > 0
          || !claim(material.get())) {
        continue;
      }
      sent += announce(material.get());
    }
    return sent;
  }

  private boolean claim(PolicyDocuments.Version version) {
    return jdbc.sql("""
            insert into policy_announcements (document, version, announced_at) values (?, ?, ?)
            on conflict do nothing""")
            .params(version.document(), version.version(), Timestamp.from(clock.instant()))
            .update()
        == 1;
  }

  private long announce(PolicyDocuments.Version version) {
    var where = address.link("/" + version.document());
    var count = new AtomicLong();
    accounts.forEachVerifiedEmail(email -> {
      mailer.send(new Email(
          email,
          "We changed our " + version.title().toLowerCase(java.util.Locale.ROOT),
          "privacy-policy-changed",
          Map.of(
              "title",
              version.title(),
              "summary",
              version.summary(),
              "version",
              version.version(),
              "where",
              where)));
      count.incrementAndGet();
    });
    jdbc.sql("update policy_announcements set recipients = ? where document = ? and version = ?")
        .params(count.get(), version.document(), version.version())
        .update();
    log.info(
        "Announced the {} of {} to {} address(es)",
        version.document(),
        version.version(),
        count.get());
    return count.get();
  }
}
