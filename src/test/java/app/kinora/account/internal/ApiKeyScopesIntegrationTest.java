package app.kinora.account.internal;

import static app.kinora.api.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import app.kinora.ApiClient;
import app.kinora.IntegrationTest;
import app.kinora.account.WebSession;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** API keys carry scopes: read (list, status, download) and generate (create). */
class ApiKeyScopesIntegrationTest extends IntegrationTest {

  static final Pattern NEW_KEY = Pattern.compile("id=\"new-key\">([^<]+)<");

  String createKey(WebSession session, String name, List<String> scopes) {
    var page = session.get("/account/api-keys");
    var fields = new java.util.LinkedHashMap<String, String>();
    fields.put("name", name);
    var created = session.post(
        "/account/api-keys" + (scopes.isEmpty() ? "" : "?scope=" + String.join("&scope=", scopes)),
        fields,
        page.csrf());
    var matcher = NEW_KEY.matcher(created.body());
    return matcher.find() ? matcher.group(1).strip() : created.body();
  }

  @Test
  void aReadKeyCannotGenerateAndAGenerateKeyCannotRead() {
    var session = new WebSession(baseUrl());
    session.submit("/login", "/login", Map.of("username", ADMIN_EMAIL, "password", ADMIN_PASSWORD));
    var reader = new ApiClient(baseUrl(), createKey(session, "reader", List.of("read")));
    var maker = new ApiClient(baseUrl(), createKey(session, "maker", List.of("generate")));

    assertThat(reader.get("/v1/videos").status()).isEqualTo(200);
    assertError(
        reader.postJson("/v1/videos", Map.of("prompt", "Not allowed", "seconds", "2")),
        403,
        "insufficient_scope",
        null);
    assertError(maker.get("/v1/videos"), 403, "insufficient_scope", null);
    assertThat(maker
            .postJson("/v1/videos", Map.of("prompt", "A quiet pond", "seconds", "2"))
            .status())
        .isEqualTo(200);

    var list = session.get("/account/api-keys").body();
    assertThat(list)
        .contains("reader")
        .contains("maker")
        .contains("<td>read</td>")
        .contains("<td>generate</td>");
    assertThat(createKey(session, "nothing", List.of())).contains("Choose what the key may do");
  }
}
