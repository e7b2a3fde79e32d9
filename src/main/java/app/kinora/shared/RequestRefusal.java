package app.kinora.shared;

/**
 * Why the web edge refused a request before any handler saw it: a control character in a field, a
 * multipart body that cannot be read, a request over the size limit. The refusing filter leaves it
 * as request attribute {@link #ATTRIBUTE} and answers with an error status, so that the error
 * answer — OpenAI's shape under {@code /v1}, a page elsewhere — can say what was wrong.
 *
 * @param code machine-readable, e.g. {@code invalid_characters}
 * @param param the field at fault, or null
 * @param message what was wrong, fit to show the user
 */
public record RequestRefusal(String code, String param, String message) {

  public static final String ATTRIBUTE = "app.kinora.request-refusal";
}
