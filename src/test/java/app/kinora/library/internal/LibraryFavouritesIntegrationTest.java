package app.kinora.library.internal;

import static app.kinora.library.internal.LibraryTestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import app.kinora.IntegrationTest;
import app.kinora.shared.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Stars on videos (set and cleared by their owner only, with or without htmx), the "Favourites"
 * filter, the export's flag, and the grid's next keyset page as a fragment and as a page.
 */
class LibraryFavouritesIntegrationTest extends IntegrationTest {

  private static final Pattern NEXT_FRAGMENT =
      Pattern.compile("hx-get=\"(/library/page\\?[^\"]+)\"");
  private static final Pattern NEXT_LINK =
      Pattern.compile("href=\"(/library\\?[^\"]*after=[^\"]+)\"");

  @Autowired
  WebApplicationContext context;

  @Autowired
  LibraryItems items;

  @Autowired
  LibraryPersonalData personalData;

  private MockMvc mvc;
  private UserId owner;
  private UserId stranger;
  /** The owner's videos, newest first. */
  private List<UUID> videos;

  @BeforeEach
  void setUp() {
    mvc = MockMvcBuilders.webAppContextSetup(context)
        .apply(org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers
            .springSecurity())
        .build();
    owner = new UserId(UUID.randomUUID());
    stranger = new UserId(UUID.randomUUID());
    videos = new ArrayList<>();
    var start = Instant.parse("2026-12-01T10:00:00Z");
    // 30 videos: more than one page (24); every third is a tall 9:16 one
    for (int i = 0; i < 30; i++) {
      var id = UUID.randomUUID();
      boolean tall = i % 3 == 0;
      items.save(new LibraryItem(
          id,
          owner.value(),
          LibraryItem.Source.OUTPUT,
          LibraryItem.Kind.VIDEO,
          LibraryItem.Status.COMPLETED,
          "kinora-local",
          "starry harbour take " + i,
          4,
          tall ? 720 : 1280,
          tall ? 1280 : 720,
          Duration.ZERO,
          1000 + i,
          start.plus(Duration.ofMinutes(i)),
          false));
      videos.addFirst(id);
    }
  }

  @Test
  void theOwnerStarsAndUnstarsAVideoWithAPlainFormAndLandsBackAtItsTile() throws Exception {
    var video = videos.get(3);

    var starred = send(post("/library/" + video + "/favourite")
        .param("favourite", "true")
        .param("back", "/library?q=starry+harbour&sort=oldest")
        .with(as(owner)));

    assertThat(starred.getStatus()).isEqualTo(302);
    assertThat(starred.getRedirectedUrl())
        .isEqualTo("/library?q=starry+harbour&sort=oldest#item-" + video);
    assertThat(items.find(owner.value(), video).orElseThrow().favourite()).isTrue();

    var fromVideoPage = send(post("/library/" + video + "/favourite")
        .param("favourite", "false")
        .param("back", "/library/" + video)
        .with(as(owner)));

    assertThat(fromVideoPage.getRedirectedUrl()).isEqualTo("/library/" + video);
    assertThat(items.find(owner.value(), video).orElseThrow().favourite()).isFalse();
  }

  @Test
  void withHtmxTheStarComesBackAsItsOwnFormReadyToUndo() throws Exception {
    var video = videos.get(0);

    var reply = send(post("/library/" + video + "/favourite")
        .param("favourite", "true")
        .param("back", "/library")
        .header("HX-Request", "true")
        .with(as(owner)));

    assertThat(reply.getStatus()).isEqualTo(200);
    var html = reply.getContentAsString();
    assertThat(html)
        .doesNotContain("<html")
        .contains("class=\"star\"")
        .contains("aria-pressed=\"true\"");
    assertThat(html).contains("name=\"favourite\" value=\"false\"").contains("_csrf");
    assertThat(items.find(owner.value(), video).orElseThrow().favourite()).isTrue();
  }

  @Test
  void anotherUserAndBadInputChangeNothingAndGetA4xx() throws Exception {
    var video = videos.get(1);

    assertThat(send(post("/library/" + video + "/favourite")
                .param("favourite", "true")
                .with(as(stranger)))
            .getStatus())
        .as("someone else's video")
        .isEqualTo(404);
    assertThat(send(post("/library/" + UUID.randomUUID() + "/favourite").with(as(owner)))
            .getStatus())
        .as("no such video")
        .isEqualTo(404);
    assertThat(send(post("/library/not-an-id/favourite").with(as(owner))).getStatus())
        .isBetween(400, 499);
    assertThat(send(post("/library/" + video + "/favourite")
                .param("favourite", "maybe")
                .with(as(owner)))
            .getStatus())
        .isEqualTo(400);
    assertThat(items.find(owner.value(), video).orElseThrow().favourite()).isFalse();

    var elsewhere = send(post("/library/" + video + "/favourite")
        .param("favourite", "true")
        .param("back", "https://elsewhere.example/library")
        .with(as(owner)));
    assertThat(elsewhere.getRedirectedUrl())
        .as("a form cannot send anyone off the library")
        .isEqualTo("/library#item-" + video);
  }

  @Test
  void theFavouritesFilterShowsOnlyStarredVideosAndTheExportCarriesTheStar() throws Exception {
    var starred = List.of(videos.get(2), videos.get(27));
    for (var id : starred) {
      send(post("/library/" + id + "/favourite").param("favourite", "true").with(as(owner)));
    }

    var html = send(get("/library").param("favourites", "on").with(as(owner))).getContentAsString();

    assertThat(tileIds(html)).containsExactlyElementsOf(starred);
    assertThat(html).contains("name=\"favourites\" value=\"on\" checked");
    assertThat(tileIds(send(get("/library").with(as(owner))).getContentAsString()))
        .hasSize(LibraryQuery.PAGE);
    assertThat(tileIds(send(get("/library").param("favourites", "on").with(as(stranger)))
            .getContentAsString()))
        .isEmpty();

    @SuppressWarnings("unchecked")
    var exported =
        (List<java.util.Map<String, Object>>) personalData.export(owner).get("items");
    assertThat(exported)
        .filteredOn(item -> Boolean.TRUE.equals(item.get("favourite")))
        .extracting(item -> UUID.fromString((String) item.get("id")))
        .containsExactlyInAnyOrderElementsOf(starred);
  }

  @Test
  void theNextPageArrivesAsAFragmentForHtmxAndAsAPageWithoutJavaScript() throws Exception {
    var first = send(get("/library").param("q", "starry").with(as(owner))).getContentAsString();
    assertThat(tileIds(first)).containsExactlyElementsOf(videos.subList(0, LibraryQuery.PAGE));
    var fragmentUrl = matched(NEXT_FRAGMENT, first);
    assertThat(fragmentUrl).contains("q=starry").contains("after=");
    assertThat(first).contains("hx-trigger=\"intersect once, click\"");

    var fragment = send(get(fragmentUrl).with(as(owner)));
    assertThat(fragment.getStatus()).isEqualTo(200);
    var cards = fragment.getContentAsString();
    assertThat(cards).doesNotContain("<html").doesNotContain("hx-get=\"/library/page");
    assertThat(tileIds(cards)).containsExactlyElementsOf(videos.subList(LibraryQuery.PAGE, 30));
    // each tile takes its video's shape
    assertThat(cards).contains("viewBox=\"0 0 9 16\"").contains("viewBox=\"0 0 16 9\"");

    var page = send(get(matched(NEXT_LINK, first)).with(as(owner))).getContentAsString();
    assertThat(page).contains("<html").contains("Back to the first page");
    assertThat(tileIds(page)).containsExactlyElementsOf(videos.subList(LibraryQuery.PAGE, 30));

    assertThat(send(get("/library/page").param("after", "not a cursor").with(as(owner)))
            .getStatus())
        .as("a broken cursor is the first page, not an error")
        .isEqualTo(200);
  }

  private MockHttpServletResponse send(RequestBuilder request) throws Exception {
    return mvc.perform(request).andReturn().getResponse();
  }

  private static List<UUID> tileIds(String html) {
    return Pattern.compile("<article class=\"item-card[^\"]*\" id=\"item-([0-9a-f-]{36})\"")
        .matcher(html)
        .results()
        .map(m -> UUID.fromString(m.group(1)))
        .toList();
  }

  private static String matched(Pattern pattern, String html) {
    var matcher = pattern.matcher(html);
    assertThat(matcher.find()).as(pattern.pattern()).isTrue();
    return matcher.group(1).replace("&amp;", "&");
  }
}
