package app.kinora.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.kinora.IntegrationTest;
import app.kinora.OtherNode;
import app.kinora.account.WebSession;
import app.kinora.notification.Email;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * A node started with none of the operator's fields set (the shipped defaults): its legal pages,
 * its footer and every email template render without a placeholder, leaving out what is unset.
 */
class UnsetOperatorIntegrationTest extends IntegrationTest {

  /** What pages and emails printed before the operator's fields were left out when unset. */
  private static final List<String> PLACEHOLDERS = List.of(
      "privacy@localhost",
      "(not configured)",
      "The operator of this Kinora server",
      "{{",
      "}}",
      "run by **",
      "()",
      "( ,",
      ", )",
      "Contact: **.",
      "write to .");

  @Autowired
  DataSource dataSource;

  @Test
  void legalPagesFooterAndEmailsPrintNoPlaceholderWhenTheOperatorSetNothing() throws IOException {
    try (var node = OtherNode.start(dataSource, Map.of())) {
      var base = "http://localhost:"
          + ((WebServerApplicationContext) node).getWebServer().getPort();
      var visitor = new WebSession(base);
      for (var path :
          List.of("/privacy", "/terms", "/", "/signup", "/login", "/privacy/subprocessors")) {
        var page = visitor.get(path);
        assertThat(page.status()).as(path).isEqualTo(200);
        PLACEHOLDERS.forEach(text -> assertThat(page.body()).as(path).doesNotContain(text));
      }
      assertThat(visitor.get("/privacy").body())
          .contains("This service is run by the operator of this site.");
      assertThat(visitor.get("/").body()).contains("Kinora").doesNotContain("run by");

      var mailer = node.getBean(SmtpMailer.class);
      try (Stream<Path> files = Files.list(Path.of("src/main/resources/templates/mail"))) {
        var templates =
            files.map(f -> f.getFileName().toString().replace(".txt", "")).toList();
        assertThat(templates).isNotEmpty();
        for (var template : templates) {
          var variables = new HashMap<String, Object>();
          for (var name : List.of(
              "name",
              "link",
              "validity",
              "signInLink",
              "resetLink",
              "keyName",
              "prefix",
              "scopes",
              "createdAt",
              "keysLink",
              "email",
              "title",
              "summary",
              "document",
              "until")) {
            variables.put(name, "x");
          }
          var text =
              mailer.render(new Email("someone@kinora.test", "Subject", template, variables));
          PLACEHOLDERS.forEach(p -> assertThat(text).as(template).doesNotContain(p));
          assertThat(text).as(template).endsWith("-- \nKinora\n");
        }
      }
    }
  }
}
