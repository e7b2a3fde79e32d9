package app.kinora.admin;

import static org.assertj.core.api.Assertions.assertThat;

import app.kinora.IntegrationTest;
import app.kinora.TestAccounts;
import app.kinora.account.WebSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every {@code /admin} URL the application maps (read from Spring MVC, so a new page is walked as
 * soon as it exists) answers 404 to a signed-in user and to a visitor, for every method it takes,
 * and changes nothing; an operator gets its pages.
 */
class ConsoleNotFoundIntegrationTest extends IntegrationTest {

  private static final String PASSWORD = "a long console walk passphrase";

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  PasswordEncoder passwords;

  record Endpoint(RequestMethod method, String path) {}

  @Test
  void everyConsoleUrlIsNotFoundForUsersAndVisitors() {
    var endpoints = consoleEndpoints();
    assertThat(endpoints)
        .extracting(Endpoint::path)
        .contains(
            "/admin", "/admin/users", "/admin/audit", "/admin/privacy-requests", "/admin/setup");
    var victim =
        TestAccounts.newUser(jdbc, "USER", "walk.victim@kinora.test", passwords.encode(PASSWORD));
    var userId =
        TestAccounts.newUser(jdbc, "USER", "walk.user@kinora.test", passwords.encode(PASSWORD));
    var user = signedIn("walk.user@kinora.test");
    var visitor = new WebSession(baseUrl());
    // the first page opens the user's credit account (its starter credits) before counting
    var csrf = user.get("/account").csrf();
    var visitorCsrf = visitor.get("/login").csrf();
    long consoleActions = consoleActions();
    // the two accounts' own rows: other tests' videos may settle in the shared ledger meanwhile
    long ledgerRows = ledgerRows(victim.value(), userId.value());
    for (var endpoint : endpoints) {
      var path = endpoint
          .path()
          .replaceAll("\\{id}", victim.value().toString())
          .replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
      var fields = Map.of(
          "reason", "walk", "amount", "100", "email", "walk.victim@kinora.test", "priority", "5");
      if (endpoint.method() == RequestMethod.GET) {
        assertThat(user.get(path).status()).as("GET " + path + " as a user").isEqualTo(404);
        assertThat(visitor.get(path).status())
            .as("GET " + path + " as a visitor")
            .isEqualTo(404);
      } else {
        assertThat(user.post(path, fields, csrf).status())
            .as("POST " + path + " as a user")
            .isEqualTo(404);
        assertThat(visitor.post(path, fields, visitorCsrf).status())
            .as("POST " + path + " as a visitor")
            .isEqualTo(404);
      }
    }
    assertThat(consoleActions()).isEqualTo(consoleActions);
    assertThat(ledgerRows(victim.value(), userId.value())).isEqualTo(ledgerRows);

    var operator = new WebSession(baseUrl());
    operator.submit(
        "/login", "/login", Map.of("username", ADMIN_EMAIL, "password", ADMIN_PASSWORD));
    for (var endpoint : endpoints) {
      if (endpoint.method() == RequestMethod.GET && !endpoint.path().contains("{")) {
        assertThat(operator.get(endpoint.path()).status())
            .as("GET " + endpoint.path())
            .isEqualTo(200);
      }
    }
    assertThat(operator.get("/admin/users/" + victim.value()).body())
        .contains("walk.victim@kinora.test");
  }

  private long consoleActions() {
    return jdbc.sql("select count(*) from audit_events where action like 'admin.%'")
        .query(Long.class)
        .single();
  }

  private List<Endpoint> consoleEndpoints() {
    var endpoints = new ArrayList<Endpoint>();
    mappings
        .getHandlerMethods()
        .keySet()
        .forEach(info -> info.getPatternValues().stream()
            .filter(path -> path.equals("/admin") || path.startsWith("/admin/"))
            .forEach(path -> {
              var methods = info.getMethodsCondition().getMethods();
              (methods.isEmpty() ? java.util.Set.of(RequestMethod.GET) : methods)
                  .forEach(method -> endpoints.add(new Endpoint(method, path)));
            }));
    return endpoints;
  }

  private WebSession signedIn(String email) {
    var session = new WebSession(baseUrl());
    session.submit("/login", "/login", Map.of("username", email, "password", PASSWORD));
    return session;
  }

  private long ledgerRows(UUID... accounts) {
    return jdbc.sql("select count(*) from credit_entries where user_id = any(?)")
        .param(accounts)
        .query(Long.class)
        .single();
  }
}
