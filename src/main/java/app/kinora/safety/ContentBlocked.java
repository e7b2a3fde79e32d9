package app.kinora.safety;

/** A request refused by screening: it breaks the site's policy in the named category. */
public class ContentBlocked extends RuntimeException {

  private final String category;

  public ContentBlocked(String category) {
    this(
        category,
        "This request was refused under the site's content policy (%s). Please change the prompt.");
  }

  private ContentBlocked(String category, String message) {
    super(message.formatted(category.replace('_', ' ').replace('/', ' ')));
    this.category = category;
  }

  /** A reference image refused by screening. */
  public static ContentBlocked image(String category) {
    return new ContentBlocked(
        category,
        "A reference image was refused under the site's content policy (%s). Please use another image.");
  }

  /** The policy category, e.g. {@code violence}. */
  public String category() {
    return category;
  }
}
