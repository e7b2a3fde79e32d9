package app.kinora.safety;

/** A request refused by screening: it breaks the site's policy in the named category. */
public class ContentBlocked extends RuntimeException {

  private final String category;

  public ContentBlocked(String category) {
    super("This request was refused under the site's content policy (%s). Please change the prompt."
        .formatted(category.replace('_', ' ').replace('/', ' ')));
    this.category = category;
  }

  /** The policy category, e.g. {@code violence}. */
  public String category() {
    return category;
  }
}
