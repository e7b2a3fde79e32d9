package app.kinora.shared;

import java.util.List;

/**
 * Origins other than Kinora's own that pages may load pictures and media from — an object store
 * answering presigned redirects, say. The web's Content-Security-Policy adds them to
 * {@code img-src} and {@code media-src}.
 */
@FunctionalInterface
public interface ExtraMediaSources {

  List<String> origins();
}
