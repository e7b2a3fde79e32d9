package app.kinora.platform;

/**
 * The characters no text field may hold: the C0 controls but tab, line feed and carriage return
 * (a prompt may have lines), DEL and the C1 controls. PostgreSQL refuses NUL in text outright; the
 * others hide in what pages, logs and emails show.
 */
final class ControlCharacters {

  private ControlCharacters() {}

  /** The first refused character of the text, or -1. */
  static int first(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f)) {
        return c;
      }
    }
    return -1;
  }

  /** How a user reads it: {@code U+0000}. */
  static String name(int c) {
    return "U+%04X".formatted(c);
  }
}
