package app.kinora.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import app.kinora.ApiClient;
import app.kinora.IntegrationTest;
import app.kinora.TestAccounts;
import app.kinora.account.CurrentUser;
import app.kinora.media.TestMedia;
import app.kinora.shared.UserId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.util.HtmlUtils;

/**
 * The studio's form and {@code POST /v1/videos} are two edges of one intake: the same bad input is
 * refused by both for the same reason (the same message; in the API with its code and field), and
 * neither keeps a file, a generation or a hold of a refused request.
 */
class SameRefusalBothWaysIntegrationTest extends IntegrationTest {

  @Autowired
  WebApplicationContext context;

  @Autowired
  JdbcClient jdbc;

  private MockMvc studio;

  record TestUser(UserId userId, String displayName) implements CurrentUser {}

  record BadInput(
      String why,
      Map<String, String> fields,
      List<Map.Entry<String, byte[]>> files,
      int status,
      String code,
      String param) {

    @Override
    public String toString() {
      return why;
    }
  }

  static Stream<Arguments> badInputs() {
    var png = TestMedia.png(64, 48);
    var elevenPictures =
        IntStream.range(0, 11).mapToObj(i -> Map.entry("reference_images", png)).toList();
    return Stream.of(
            new BadInput(
                "no prompt", Map.of("seconds", "4"), List.of(), 400, "missing_prompt", "prompt"),
            new BadInput(
                "unknown model",
                Map.of("prompt", "Sea", "model", "no-such-model"),
                List.of(),
                400,
                "model_not_found",
                "model"),
            new BadInput(
                "seconds not a number",
                Map.of("prompt", "Sea", "seconds", "four"),
                List.of(),
                400,
                "invalid_seconds",
                "seconds"),
            new BadInput(
                "seconds the model does not offer",
                Map.of("prompt", "Sea", "seconds", "99"),
                List.of(),
                400,
                "invalid_seconds",
                "seconds"),
            new BadInput(
                "size not WIDTHxHEIGHT",
                Map.of("prompt", "Sea", "size", "big"),
                List.of(),
                400,
                "invalid_size",
                "size"),
            new BadInput(
                "frame rate not offered",
                Map.of("prompt", "Sea", "fps", "25"),
                List.of(),
                400,
                "invalid_fps",
                "fps"),
            new BadInput(
                "negative prompt to a model without one",
                Map.of("prompt", "Sea", "negative_prompt", "fog"),
                List.of(),
                400,
                "unsupported_parameter",
                "negative_prompt"),
            new BadInput(
                "eleven reference images",
                Map.of("prompt", "Sea"),
                elevenPictures,
                400,
                "unsupported_parameter",
                "reference_images"),
            new BadInput(
                "a last frame without a first",
                Map.of("prompt", "Sea"),
                List.of(Map.entry("last_frame", png)),
                400,
                "missing_first_frame",
                "last_frame"),
            new BadInput(
                "text sent as a picture",
                Map.of("prompt", "Sea"),
                List.of(Map.entry(
                    "input_reference", "just words, no picture".getBytes(StandardCharsets.UTF_8))),
                415,
                "unsupported_file_type",
                "input_reference"),
            new BadInput(
                "a good picture, then a broken clip",
                Map.of("prompt", "Sea"),
                List.of(
                    Map.entry("input_reference", png),
                    Map.entry("video", new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p'})),
                400,
                "invalid_file",
                "video"))
        .map(Arguments::of);
  }

  @BeforeEach
  void setUp() {
    studio = MockMvcBuilders.webAppContextSetup(context)
        .apply(SecurityMockMvcConfigurers.springSecurity())
        .build();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInputs")
  void isRefusedForTheSameReasonThroughTheStudioAndTheApi(BadInput input) throws Exception {
    var user = TestAccounts.newUser(jdbc, "USER");
    var api = new ApiClient(baseUrl(), TestAccounts.apiKey(jdbc, user));

    var reply = api.postMultipart("/v1/videos", input.fields(), input.files());
    var form = studioForm(input, user);

    assertThat(reply.status()).as(reply.json().toString()).isEqualTo(input.status());
    var error = reply.json().path("error");
    assertThat(error.path("code").asString()).isEqualTo(input.code());
    assertThat(error.path("param").asString()).isEqualTo(input.param());
    assertThat(HtmlUtils.htmlUnescape(form))
        .as("the studio shows the API's message")
        .contains(error.path("message").asString());
    assertThat(count("media_uploads", user)).as("no upload kept").isZero();
    assertThat(count("generations", user)).as("no generation recorded").isZero();
    assertThat(jdbc.sql("select count(*) from credit_entries where user_id = ? and kind = 'hold'")
            .param(user.value())
            .query(Integer.class)
            .single())
        .as("nothing held")
        .isZero();
  }

  /** Posts the input as the studio's form does (htmx), and returns the form's error fragment. */
  private String studioForm(BadInput input, UserId user) throws Exception {
    var request = multipart("/generations");
    var fields = new ArrayList<>(input.fields().entrySet());
    for (var field : fields) {
      // the form names its advanced field in camel case, as its template does
      request.param(
          field.getKey().equals("negative_prompt") ? "negativePrompt" : field.getKey(),
          field.getValue());
    }
    for (var file : input.files()) {
      request.file(new MockMultipartFile(
          file.getKey(), "upload", "application/octet-stream", file.getValue()));
    }
    var principal = new TestUser(user, "Test user");
    var token = UsernamePasswordAuthenticationToken.authenticated(
        principal, null, List.of(new SimpleGrantedAuthority("ROLE_USER")));
    var result = studio
        .perform(request.header("HX-Request", "true").with(csrf()).with(authentication(token)))
        .andReturn();
    assertThat(result.getResponse().getStatus()).isEqualTo(200);
    assertThat(result.getResponse().getHeader("HX-Retarget")).isEqualTo("#form-errors");
    return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
  }

  private int count(String table, UserId user) {
    return jdbc.sql("select count(*) from " + table + " where user_id = ?")
        .param(user.value())
        .query(Integer.class)
        .single();
  }
}
