package app.kinora.library.internal;

import static app.kinora.library.internal.LibraryTestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import app.kinora.ApiClient;
import app.kinora.IntegrationTest;
import app.kinora.media.BlobKey;
import app.kinora.media.BlobStore;
import app.kinora.media.TestMedia;
import app.kinora.shared.UserId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** Deleting is real: bytes, derived files and rows go. */
class LibraryDeletionIntegrationTest extends IntegrationTest {

  @Autowired
  WebApplicationContext context;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  LibraryItems items;

  @Autowired
  BlobStore blobs;

  private MockMvc mvc;
  private UserId owner;

  @BeforeEach
  void setUp() {
    mvc = MockMvcBuilders.webAppContextSetup(context)
        .apply(org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers
            .springSecurity())
        .build();
    owner = LibraryTestSupport.userOf(jdbc, ADMIN_EMAIL);
  }

  @Test
  void deletingAVideoRemovesItsFileItsPosterItsSpriteSheetAndItsRows() throws Exception {
    var video = LibraryTestSupport.uuidOf(LibraryTestSupport.generate(
        api(),
        Map.of("prompt", "Short-lived fireflies", "seconds", "2", "size", "480x480"),
        Map.of()));
    var keys = keysOf(video);
    assertThat(keys)
        .hasSize(3)
        .allSatisfy(key -> assertThat(blobs.open(new BlobKey(key))).as(key).isPresent());
    assertThat(items.find(owner.value(), video)).isPresent();
    var signedLink = baseUrl()
        + context.getBean(app.kinora.media.Delivery.class).signedUrl(owner, video, "video");
    assertThat(statusOf(signedLink)).as("a player has the link open").isEqualTo(200);

    var response = mvc.perform(post("/library/" + video + "/delete").with(as(owner)))
        .andReturn()
        .getResponse();

    assertThat(response.getStatus()).isEqualTo(302);
    assertThat(keys)
        .allSatisfy(key -> assertThat(blobs.open(new BlobKey(key))).as(key).isEmpty());
    assertThat(jdbc.sql("select count(*) from generations where id = ?")
            .param(video)
            .query(Long.class)
            .single())
        .isZero();
    assertThat(items.find(owner.value(), video)).isEmpty();
    assertThat(api()
            .get("/v1/videos/" + new app.kinora.generation.GenerationId(video).apiId())
            .status())
        .isEqualTo(404);
    assertThat(statusOf(signedLink)).as("the open link dies with the item").isEqualTo(404);
  }

  private static int statusOf(String url) throws Exception {
    return java.net.http.HttpClient.newHttpClient()
        .send(
            java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
            java.net.http.HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  @Test
  void batchDeleteRemovesVideosAndUploadsTogetherAndSkipsWhatIsNotTheirs() throws Exception {
    var video = LibraryTestSupport.uuidOf(LibraryTestSupport.generate(
        api(),
        Map.of("prompt", "Batch one", "seconds", "2", "size", "480x480"),
        Map.of("audio", TestMedia.wav(1, 44100))));
    var upload = jdbc.sql("select audio_upload from generations where id = ?")
        .param(video)
        .query(UUID.class)
        .single();
    var uploadKey = jdbc.sql("select blob_key from media_uploads where id = ?")
        .param(upload)
        .query(String.class)
        .single();
    var foreign = UUID.randomUUID();
    items.save(new LibraryItem(
        foreign,
        UUID.randomUUID(),
        LibraryItem.Source.UPLOAD,
        LibraryItem.Kind.IMAGE,
        LibraryItem.Status.COMPLETED,
        null,
        "",
        0,
        1,
        1,
        Duration.ZERO,
        1,
        java.time.Instant.now(),
        false));

    mvc.perform(post("/library/delete")
        .param("ids", video.toString(), upload.toString(), foreign.toString())
        .with(as(owner)));

    assertThat(items.find(owner.value(), video)).isEmpty();
    assertThat(items.find(owner.value(), upload)).isEmpty();
    assertThat(blobs.open(new BlobKey(uploadKey))).isEmpty();
    assertThat(jdbc.sql("select count(*) from media_uploads where id = ?")
            .param(upload)
            .query(Long.class)
            .single())
        .isZero();
    assertThat(jdbc.sql("select count(*) from library_items where id = ?")
            .param(foreign)
            .query(Long.class)
            .single())
        .as("another user's item is untouched")
        .isOne();
  }

  private List<String> keysOf(UUID video) {
    return jdbc.sql(
            "select unnest(array[output_key, poster_key, sprite_key]) from generations where id = ?")
        .param(video)
        .query(String.class)
        .list();
  }

  private ApiClient api() {
    return new ApiClient(baseUrl(), ADMIN_API_KEY);
  }
}
