package app.kinora.generation;

import app.kinora.media.UploadId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The user's uploads a generation refers to, each optional: the first and last frame images, a
 * soundtrack, a clip to restyle, and reference images (what a subject or a style looks like,
 * {@code reference_images[]}).
 */
public record GenerationReferences(
    UploadId firstFrame,
    UploadId lastFrame,
    UploadId audio,
    UploadId video,
    List<UploadId> images) {

  public static final GenerationReferences NONE = new GenerationReferences(null, null, null, null);

  public GenerationReferences {
    images = images == null ? List.of() : List.copyOf(images);
  }

  /** Without reference images. */
  public GenerationReferences(
      UploadId firstFrame, UploadId lastFrame, UploadId audio, UploadId video) {
    this(firstFrame, lastFrame, audio, video, List.of());
  }

  /** The uploads given for one role: none, one, or several reference images. */
  public List<UploadId> of(ReferenceRole role) {
    return switch (role) {
      case FIRST_FRAME -> listOf(firstFrame);
      case LAST_FRAME -> listOf(lastFrame);
      case AUDIO -> listOf(audio);
      case VIDEO -> listOf(video);
      case REFERENCE_IMAGE -> images;
    };
  }

  /** These references with {@code upload} given for {@code role}: it replaces a single one, joins the images. */
  public GenerationReferences with(ReferenceRole role, UploadId upload) {
    return switch (role) {
      case FIRST_FRAME -> new GenerationReferences(upload, lastFrame, audio, video, images);
      case LAST_FRAME -> new GenerationReferences(firstFrame, upload, audio, video, images);
      case AUDIO -> new GenerationReferences(firstFrame, lastFrame, upload, video, images);
      case VIDEO -> new GenerationReferences(firstFrame, lastFrame, audio, upload, images);
      case REFERENCE_IMAGE -> {
        var more = new ArrayList<>(images);
        more.add(upload);
        yield new GenerationReferences(firstFrame, lastFrame, audio, video, more);
      }
    };
  }

  /** Every upload referred to. */
  public List<UploadId> all() {
    return Stream.of(ReferenceRole.values()).flatMap(role -> of(role).stream()).toList();
  }

  private static List<UploadId> listOf(UploadId id) {
    return id == null ? List.of() : List.of(id);
  }
}
