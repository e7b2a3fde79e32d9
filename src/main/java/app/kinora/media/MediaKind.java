package app.kinora.media;

import java.util.Locale;

/** What an upload is meant to be; its bytes must agree. */
public enum MediaKind {
  IMAGE,
  AUDIO,
  VIDEO;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
