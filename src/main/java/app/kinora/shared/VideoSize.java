package app.kinora.shared;

import java.util.regex.Pattern;

/** A frame size in pixels, written {@code WIDTHxHEIGHT} as in the OpenAI Videos API. */
public record VideoSize(int width, int height) {

  private static final Pattern FORMAT = Pattern.compile("(\\d{2,5})x(\\d{2,5})");

  public VideoSize {
    if (width < 16 || height < 16 || width > 8192 || height > 8192) {
      throw new IllegalArgumentException("size out of range: " + width + "x" + height);
    }
    if (width % 2 != 0 || height % 2 != 0) {
      throw new IllegalArgumentException("width and height must be even: " + width + "x" + height);
    }
  }

  /** Parses {@code 1280x720}; throws {@link IllegalArgumentException} with a readable message. */
  public static VideoSize parse(String text) {
    var matcher = FORMAT.matcher(text == null ? "" : text.trim());
    if (!matcher.matches()) {
      throw new IllegalArgumentException("size must look like 1280x720, got '" + text + "'");
    }
    return new VideoSize(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
  }

  public boolean isPortrait() {
    return height > width;
  }

  @Override
  public String toString() {
    return width + "x" + height;
  }
}
