package app.kinora.account.internal;

import static app.kinora.api.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import app.kinora.ApiClient;
import app.kinora.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** One user's videos are invisible to every other user: not forbidden, simply not found. */
class OwnershipIntegrationTest extends IntegrationTest {

  @Autowired
  AccountManagement accounts;

  @Autowired
  ApiKeys apiKeys;

  @Test
  void anotherUsersVideoIsNotFound() {
    var owner = new ApiClient(baseUrl(), ADMIN_API_KEY);
    var id = owner
        .postJson("/v1/videos", Map.of("prompt", "A private diary", "seconds", "2"))
        .json()
        .path("id")
        .asString();
    var stranger =
        accounts.createOperator("stranger@kinora.test", "Stranger", "a long stranger passphrase");
    var strangers = new ApiClient(baseUrl(), apiKeys.create(stranger.id(), "test"));

    assertError(strangers.get("/v1/videos/" + id), 404, "video_not_found", "video_id");
    assertError(strangers.get("/v1/videos/" + id + "/content"), 404, "video_not_found", "video_id");
    assertThat(strangers.get("/v1/videos").json().path("data").size()).isZero();
    assertThat(owner.get("/v1/videos/" + id).status()).isEqualTo(200);
  }

  @Test
  void aRevokedKeyNoLongerWorks() {
    var user = accounts.createOperator("revoker@kinora.test", null, "another long passphrase");
    var secret = apiKeys.create(user.id(), "laptop");
    var client = new ApiClient(baseUrl(), secret);
    assertThat(client.get("/v1/videos").status()).isEqualTo(200);

    var key = apiKeys.list(user.id()).getFirst();
    assertThat(key.prefix()).isEqualTo(secret.substring(0, 10));
    assertThat(key.lastUsedAt()).isNotNull();
    apiKeys.revoke(user.id(), key.id());

    assertError(client.get("/v1/videos"), 401, "invalid_api_key", null);
  }
}
