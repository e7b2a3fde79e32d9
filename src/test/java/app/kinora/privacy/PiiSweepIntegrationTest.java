package app.kinora.privacy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.kinora.ApiClient;
import app.kinora.DatabaseScan;
import app.kinora.IntegrationTest;
import app.kinora.TestServers;
import app.kinora.account.Mailbox;
import app.kinora.account.WebSession;
import app.kinora.billing.StripeStub;
import com.stripe.net.Webhook;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The proof of P10: a person who does everything Kinora offers closes their account; after the
 * erasure no table of the catalogue and no stored file holds their email, name, IP address,
 * prompt or media, while the records kept for legal reasons remain under a tombstone id.
 */
class PiiSweepIntegrationTest extends IntegrationTest {

  private static final String EMAIL = "zebulon.sweepworth@kinora.test";
  private static final String NAME = "Zebulon Sweepworth";
  private static final String PASSWORD = "a long sweeping passphrase";
  private static final String IP = "203.0.113.77";
  private static final String PROMPT = "Zanzibar lighthouse at dusk, sweep 7731";
  private static final String CAMERA = "SweepCam-Serial-99231";
  private static final Pattern NEW_KEY = Pattern.compile("id=\"new-key\">(kn_[^<]+)<");

  @Autowired
  JdbcClient jdbc;

  @Autowired
  DataExports exports;

  @Autowired
  RetentionEngine retention;

  @Autowired
  app.kinora.generation.Generations generations;

  @Value("${kinora.media.storage-dir}")
  Path storage;

  @Test
  void afterClosureNoTableAndNoFileHoldsThePersonsDataAndLegalRecordsRemainUnderATombstone()
      throws Exception {
    var session = new WebSession(baseUrl()).header("X-Forwarded-For", IP);
    session.submit(
        "/signup",
        "/signup",
        Map.of(
            "email",
            EMAIL,
            "displayName",
            NAME,
            "password",
            PASSWORD,
            "birthDate",
            LocalDate.now().minusYears(41).toString(),
            "country",
            "NL",
            "acceptsTerms",
            "true"));
    session.get(Mailbox.firstLinkPath(Mailbox.awaitMessage(EMAIL, 1)));
    session.submit("/login", "/login", Map.of("username", EMAIL, "password", PASSWORD));
    var user = jdbc.sql("select id from users where email = ?")
        .param(EMAIL)
        .query(UUID.class)
        .single();

    // signs in with an OpenID provider too
    TestServers.oidc()
        .enqueueCallback(new DefaultOAuth2TokenCallback(
            TestServers.OIDC_ISSUER_ID,
            "sweep-subject-1",
            "JWT",
            List.of("kinora"),
            Map.of("email", EMAIL, "email_verified", true, "name", NAME),
            3600));
    session.post(
        "/account/identities/" + TestServers.OIDC_REGISTRATION + "/link",
        Map.of(),
        session.get("/account").csrf());
    // chooses cookies, objects to content use
    session.submit("/privacy/cookies", "/privacy/cookies", Map.of("choice", "accept"));
    session.submit(
        "/account/privacy", "/account/privacy/settings", Map.of("marketingEmail", "true"));
    // makes an API key, uploads a photo with camera metadata, generates
    var keyPage = session.submit(
        "/account/api-keys",
        "/account/api-keys",
        Map.of("name", "Sweep laptop", "scope", "generate"));
    var matcher = NEW_KEY.matcher(keyPage.body());
    assertThat(matcher.find()).as("the new key on the page").isTrue();
    var api = new ApiClient(baseUrl(), matcher.group(1));
    var photo = withCameraMetadata(uniquePhoto(), CAMERA);
    // and keeps the original, camera metadata and all
    var reply = api.postMultipart(
        "/v1/videos",
        Map.of("prompt", PROMPT, "seconds", "2", "size", "480x480", "keep_original", "true"),
        Map.of("input_reference", photo));
    assertThat(reply.status()).as(String.valueOf(reply.json())).isEqualTo(200);
    var video = reply.json().path("id").asString();
    var owner = new app.kinora.shared.UserId(user);
    var generation = app.kinora.generation.GenerationId.fromApiId(video);
    await()
        .atMost(Duration.ofSeconds(90))
        .until(
            () -> generations.find(owner, generation).orElseThrow().status(),
            status -> status == app.kinora.generation.GenerationStatus.COMPLETED);
    // buys credits through Stripe
    buyCredits(session);
    // downloads their data
    session.submit("/account/privacy", "/account/privacy/export", Map.of());
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> exports.list(new app.kinora.shared.UserId(user)).stream()
            .allMatch(DataExports.Export::isReady));

    var stored = storedFilesOf(user);
    assertThat(stored)
        .as("upload and its original, video, poster, sprite sheet, export archive")
        .hasSizeGreaterThanOrEqualTo(6);
    assertThat(stored)
        .as("the original as sent")
        .anySatisfy(file -> assertThat(Files.readAllBytes(file)).isEqualTo(photo));
    var storedHashes = new ArrayList<String>();
    for (var file : stored) {
      storedHashes.add(sha256(Files.readAllBytes(file)));
    }
    storedHashes.add(sha256(photo));

    session.submit("/account/close", "/account/close", Map.of("confirmation", PASSWORD));
    retention.runAll(Instant.now().plus(Duration.ofDays(15)));

    for (var trace : List.of(EMAIL, NAME, IP, PROMPT, CAMERA, user.toString(), "Sweep laptop")) {
      assertThat(DatabaseScan.tablesContaining(jdbc, trace))
          .as("tables holding " + trace)
          .isEmpty();
    }
    try (var files = Files.walk(storage)) {
      for (var file : files.filter(Files::isRegularFile).toList()) {
        var bytes = Files.readAllBytes(file);
        var text = new String(bytes, StandardCharsets.ISO_8859_1);
        assertThat(storedHashes)
            .as("a stored copy of the person's media: " + file)
            .doesNotContain(sha256(bytes));
        for (var trace : List.of(EMAIL, NAME, PROMPT, CAMERA)) {
          assertThat(text).as(file + " holds " + trace).doesNotContain(trace);
        }
      }
    }
    assertThat(stored).allSatisfy(file -> assertThat(file).doesNotExist());
    assertThat(jdbc.sql("select count(*) from credit_entries where reference = 'cs_test_sweep'")
            .query(Long.class)
            .single())
        .as("the purchase stays in the ledger")
        .isOne();
    assertThat(jdbc.sql(
                "select count(*) from stripe_payments where checkout_session_id = 'cs_test_sweep'")
            .query(Long.class)
            .single())
        .as("the payment record stays")
        .isOne();
    assertThat(jdbc.sql(
                "select count(*) from audit_events where action = 'account_closure.erased' and subject_user is not null")
            .query(Long.class)
            .single())
        .as("the erasure is on record under a tombstone")
        .isPositive();
  }

  private void buyCredits(WebSession session) throws Exception {
    StripeStub.server()
        .stubFor(post("/v1/checkout/sessions")
            .willReturn(aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(
                    "{\"id\": \"cs_test_sweep\", \"object\": \"checkout.session\", \"url\": \""
                        + StripeStub.baseUrl() + "/pay/cs_test_sweep\"}")));
    var checkout = session.submit("/credits", "/credits/checkout", Map.of("pack", "starter"));
    assertThat(checkout.body()).contains("/pay/cs_test_sweep");
    var event = """
        {"id": "evt_sweep_1", "object": "event", "type": "checkout.session.completed",
         "data": {"object": {"id": "cs_test_sweep", "object": "checkout.session", "mode": "payment", "amount_total": 500,
                             "currency": "eur", "customer": "cus_sweep", "payment_intent": "pi_sweep",
                             "payment_status": "paid", "status": "complete"}}}""";
    var answer = HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(baseUrl() + "/stripe/webhook"))
                .header("Content-Type", "application/json")
                .header(
                    "Stripe-Signature",
                    Webhook.Signature.generateSignatureHeader(event, StripeStub.WEBHOOK_SECRET))
                .POST(HttpRequest.BodyPublishers.ofString(event))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(jdbc.sql("select count(*) from credit_entries where reference = 'cs_test_sweep'")
            .query(Long.class)
            .single())
        .isOne();
  }

  /** Every file stored for the person: uploads, outputs and derived files, export archives. */
  private List<Path> storedFilesOf(UUID user) {
    var keys = jdbc.sql("""
            select key from media_uploads, unnest(array[blob_key, original_key]) key
             where user_id = :user and key is not null
            union all select key from generations, unnest(array[output_key, poster_key, sprite_key]) key
             where user_id = :user and key is not null
            union all select archive_key from data_exports where user_id = :user and archive_key is not null""").param("user", user).query(String.class).list();
    return keys.stream().map(storage::resolve).toList();
  }

  /** A picture no other test uploads, so a stored copy with its bytes can only be this person's. */
  private static byte[] uniquePhoto() throws Exception {
    var image =
        new java.awt.image.BufferedImage(640, 480, java.awt.image.BufferedImage.TYPE_INT_RGB);
    var random = new java.util.Random();
    for (int y = 0; y < 480; y += 16) {
      for (int x = 0; x < 640; x += 16) {
        var g = image.getGraphics();
        g.setColor(new java.awt.Color(random.nextInt(0xffffff)));
        g.fillRect(x, y, 16, 16);
        g.dispose();
      }
    }
    var out = new ByteArrayOutputStream();
    javax.imageio.ImageIO.write(image, "jpg", out);
    return out.toByteArray();
  }

  /** The JPEG with an EXIF block naming the camera, as a phone would write it. */
  static byte[] withCameraMetadata(byte[] jpeg, String camera) {
    var make = (camera + "\0").getBytes(StandardCharsets.US_ASCII);
    var tiff = new ByteArrayOutputStream();
    tiff.writeBytes(new byte[] {'I', 'I', 42, 0, 8, 0, 0, 0});
    tiff.writeBytes(new byte[] {1, 0});
    tiff.writeBytes(new byte[] {0x0F, 0x01, 2, 0});
    tiff.writeBytes(littleEndian(make.length));
    tiff.writeBytes(littleEndian(26));
    tiff.writeBytes(new byte[] {0, 0, 0, 0});
    tiff.writeBytes(make);
    var exif = tiff.toByteArray();
    int length = 2 + 6 + exif.length;
    var out = new ByteArrayOutputStream();
    out.write(jpeg, 0, 2);
    out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length});
    out.writeBytes("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(exif);
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }

  private static byte[] littleEndian(int value) {
    return new byte[] {(byte) value, (byte) (value >> 8), (byte) (value >> 16), (byte) (value >> 24)
    };
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
