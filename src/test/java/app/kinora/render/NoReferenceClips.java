package app.kinora.render;

import app.kinora.media.VideoFrames;

/** For renders without a reference clip; clips are decoded by the media module in API tests. */
final class NoReferenceClips {

  static final VideoFrames DECODER = (video, size, fps, duration) -> {
    throw new IllegalStateException("no reference clip expected");
  };

  private NoReferenceClips() {}
}
