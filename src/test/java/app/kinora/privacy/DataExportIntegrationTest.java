package app.kinora.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.kinora.IntegrationTest;
import app.kinora.generation.Attachment;
import app.kinora.generation.GenerationStatus;
import app.kinora.generation.Generations;
import app.kinora.generation.OutputVariant;
import app.kinora.generation.TestSpecs;
import app.kinora.shared.UserId;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** "Download my data": a background job writes a ZIP that matches the documented schema (P11). */
class DataExportIntegrationTest extends IntegrationTest {

  @Autowired
  DataExports exports;

  @Autowired
  Generations generations;

  @Autowired
  PrivacySettings settings;

  @Autowired
  RetentionEngine retention;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  app.kinora.media.BlobStore blobs;

  @Test
  void theArchiveHoldsEveryModulesDataAndTheVideosAndMatchesTheDocumentedSchema() throws Exception {
    var user = newUser("exporter");
    var generation = generations.submit(
        user,
        TestSpecs.of(null, "A lighthouse in fog", "2", "480x480", null),
        Attachment.Files.NONE);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> generations.find(user, generation.id()).orElseThrow().status()
            == GenerationStatus.COMPLETED);
    settings.save(user, new PrivacySettings.Settings(false, true));
    // as a platform route would have logged it (this video was made locally)
    jdbc.sql("""
            insert into provider_transfers
              (id, generation_id, user_id, provider, provider_name, country, model, fields, media, sent_at,
               outcome, requested_model, listed_cost_usd, reported_cost_usd)
            values (gen_random_uuid(), ?, ?, 'fal', 'fal.ai', 'US', 'fal-ai/veo3/fast', 'prompt,duration',
                    '[{"name":"first_frame","sha256":"ab"}]', now(), 'completed', 'veo', 0.8, 0.75)""").params(generation.id().value(), user.value()).update();

    var export = exports.request(user);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> exports.list(user).getFirst().isReady());

    var entries = unzip(exports.open(user, export.id()).orElseThrow().readAllBytes());
    var json = new String(entries.get("data.json"));
    var video = generations.output(user, generation.id(), OutputVariant.VIDEO).orElseThrow();
    assertThat(entries)
        .containsKeys(
            "data.json",
            "README.txt",
            "files/generation/videos/" + generation.id().apiId() + ".mp4");
    assertThat(entries.get("files/generation/videos/" + generation.id().apiId() + ".mp4"))
        .isEqualTo(video.getInputStream().readAllBytes());
    assertThat(json)
        .contains("exporter@kinora.test", "A lighthouse in fog", "\"contentForQuality\" : false")
        .doesNotContain("argon2");
    var transfer = JsonMapper.builder()
        .build()
        .readTree(json)
        .path("modules")
        .path("provider")
        .path("transfers")
        .path(0);
    assertThat(transfer.path("video").asString())
        .as("each transfer names its video as the generation export does")
        .isEqualTo(generation.id().apiId());
    assertThat(transfer.path("provider").asString()).isEqualTo("fal.ai");
    var schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(
            Files.readString(Path.of("docs", "export-format.schema.json")), InputFormat.JSON);
    assertThat(schema.validate(JsonMapper.builder().build().readTree(json)))
        .as("schema errors")
        .isEmpty();
    var mail = app.kinora.account.Mailbox.awaitMessage("exporter@kinora.test", 1);
    assertThat(mail)
        .contains("the copy of your data you asked for is ready", baseUrl() + "/account/privacy");
  }

  @Test
  void onlyTheOwnerCanDownloadAndTheArchiveIsDeletedAfterSevenDays() throws Exception {
    var owner = newUser("owner");
    var export = exports.request(owner);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> exports.list(owner).getFirst().isReady());
    var key = jdbc.sql("select archive_key from data_exports where id = ?")
        .param(export.id())
        .query(String.class)
        .single();

    assertThat(exports.open(newUser("stranger"), export.id())).isEmpty();
    assertThat(exports.open(owner, export.id())).isPresent();

    retention.runAll(Instant.now().plus(Duration.ofDays(8)));

    assertThat(exports.list(owner)).isEmpty();
    assertThat(exports.open(owner, export.id())).isEmpty();
    assertThat(blobs.open(new app.kinora.media.BlobKey(key)))
        .as("the archive's bytes")
        .isEmpty();
  }

  @Test
  void aSchemaViolationIsCaught() throws Exception {
    var schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(
            Files.readString(Path.of("docs", "export-format.schema.json")), InputFormat.JSON);
    var wrong =
        "{\"format\":\"kinora-export/1\",\"createdAt\":\"2026-11-29T00:00:00Z\",\"userId\":\"x\","
            + "\"modules\":{\"account\":{},\"generation\":{\"generations\":[]},\"media\":{\"uploads\":[]},"
            + "\"privacy\":{\"consents\":[],\"policyAcknowledgements\":[],\"settings\":{\"contentForQuality\":true,"
            + "\"marketingEmail\":false},\"dataExports\":[]},\"undocumented\":{}}}";

    assertThat(schema.validate(JsonMapper.builder().build().readTree(wrong))).isNotEmpty();
  }

  private UserId newUser(String name) {
    var user = UserId.random();
    var email = name + "-" + user + "@kinora.test";
    if (name.equals("exporter")) {
      email = "exporter@kinora.test";
    }
    jdbc.sql("""
            insert into users (id, email, email_normalized, display_name, password_hash, role, created_at)
            values (?, ?, ?, ?, null, 'USER', now())""").params(user.value(), email, email, name).update();
    return user;
  }

  private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
    var entries = new LinkedHashMap<String, byte[]>();
    try (var in = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
      for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        var bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        entries.put(entry.getName(), bytes.toByteArray());
      }
    }
    return entries;
  }
}
