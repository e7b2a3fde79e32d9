package app.kinora.shared;

/**
 * Where a form goes back to after it is sent: the page it names if that is a path on this site,
 * never another host (so a crafted form cannot send a person elsewhere), else a fallback.
 */
public final class SafeRedirect {

  private SafeRedirect() {}

  /** A Spring MVC view name: {@code redirect:} and {@code requested}, or {@code fallback}. */
  public static String to(String requested, String fallback) {
    return "redirect:" + (isLocalPath(requested) ? requested : fallback);
  }

  private static boolean isLocalPath(String path) {
    return path != null
        && path.startsWith("/")
        && !path.startsWith("//")
        && !path.contains("\\")
        && !path.contains("\r")
        && !path.contains("\n");
  }
}
