package app.kinora.generation.internal;

import app.kinora.generation.Generation;
import app.kinora.generation.Lineage;
import app.kinora.generation.OutputVariant;
import app.kinora.media.BlobKey;
import app.kinora.media.BlobStore;
import app.kinora.media.VisibleLabel;
import app.kinora.provenance.ContentCredentials;
import app.kinora.provenance.InputMedia;
import app.kinora.provenance.ManifestDraft;
import app.kinora.provenance.ProvenanceProperties;
import app.kinora.provenance.SourceType;
import app.kinora.provider.Providers;
import app.kinora.provider.spi.ReferenceMedia;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Signs a finished video with Content Credentials before it is stored: which model made it (and
 * on which platform), that a model made it, and the hashes of the files it was made from. Nothing
 * about its owner goes in: no name, address or account, and the prompt only when its owner chose
 * so for this video. A platform's video first gets a
 * visible "AI-generated" label unless the operator turned it off ({@code
 * kinora.provenance.visible-label}).
 */
@Component
class OutputCredentials {

  static final String LABEL = "AI-generated";

  private final ContentCredentials credentials;
  private final Providers providers;
  private final OutputKeys outputs;
  private final BlobStore blobs;
  private final VisibleLabel label;
  private final boolean drawLabel;
  private final Clock clock;

  OutputCredentials(
      ContentCredentials credentials,
      Providers providers,
      OutputKeys outputs,
      BlobStore blobs,
      VisibleLabel label,
      ProvenanceProperties properties,
      Clock clock) {
    this.credentials = credentials;
    this.providers = providers;
    this.outputs = outputs;
    this.blobs = blobs;
    this.label = label;
    this.drawLabel = properties.visibleLabel();
    this.clock = clock;
  }

  void sign(Generation generation, Path video, ReferenceMedia references) throws IOException {
    var transfers = providers.transfers(generation.id().value());
    // a platform's job leaves its transfer log; the local renderer sends nothing anywhere
    var platform = transfers.isEmpty() ? null : transfers.getLast();
    ManifestDraft draft = new ManifestDraft(
        platform == null ? SourceType.ALGORITHMIC_MEDIA : SourceType.TRAINED_ALGORITHMIC_MEDIA,
        platform == null || platform.model() == null ? generation.model() : platform.model(),
        platform == null ? null : platform.provider(),
        inputs(generation, references),
        clock.instant());
    if (Boolean.TRUE.equals(generation.spec().promptInCredentials())) {
      draft = draft.withPrompt(generation.spec().prompt());
    }
    if (platform == null || !drawLabel) {
      credentials.sign(video, draft);
      return;
    }
    // the disclosure people see: drawn on a copy, which the credentials say was made from the
    // platform's file (whose own credentials they keep)
    var labelled = video.resolveSibling(video.getFileName() + ".labelled.mp4");
    try {
      label.draw(video, labelled, LABEL);
      credentials.sign(
          labelled,
          draft.withEdit("Kinora drew a visible \"" + LABEL + "\" label in a corner; the pictures"
              + " were re-encoded for it, the sound was kept as it was."),
          video);
      Files.move(labelled, video, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(labelled);
    }
  }

  private List<InputMedia> inputs(Generation generation, ReferenceMedia references)
      throws IOException {
    var inputs = new ArrayList<InputMedia>();
    var remixed = remixedOriginal(generation);
    if (remixed.isPresent()) {
      inputs.add(new InputMedia(InputMedia.Role.SOURCE_VIDEO, "video/mp4", remixed.get()));
    }
    add(inputs, InputMedia.Role.FIRST_FRAME, "image/png", references.firstFrame());
    add(inputs, InputMedia.Role.LAST_FRAME, "image/png", references.lastFrame());
    for (var image : references.images()) {
      add(inputs, InputMedia.Role.REFERENCE_IMAGE, "image/png", image);
    }
    add(inputs, InputMedia.Role.SOUNDTRACK, "audio/wav", references.audio());
    add(inputs, InputMedia.Role.SOURCE_VIDEO, "video/mp4", references.video());
    return inputs;
  }

  /**
   * A remix is made from its original's settings, not its file, but the original is what it
   * derives from: its stored video's hash names it (an extension's and an edit's source arrive
   * among the references already).
   */
  private java.util.Optional<String> remixedOriginal(Generation generation) throws IOException {
    var lineage = generation.lineage().orElse(null);
    if (lineage == null || lineage.kind() != Lineage.Kind.REMIX) {
      return java.util.Optional.empty();
    }
    var original = outputs
        .of(generation.owner(), lineage.source(), OutputVariant.VIDEO)
        .map(BlobKey::new)
        .flatMap(blobs::open);
    if (original.isEmpty()) {
      return java.util.Optional.empty(); // deleted since: the remix names no parent
    }
    try (var in = original.get().getInputStream()) {
      return java.util.Optional.of(sha256(in));
    }
  }

  private static void add(List<InputMedia> inputs, InputMedia.Role role, String type, Path file)
      throws IOException {
    if (file != null) {
      inputs.add(new InputMedia(role, type, sha256(file)));
    }
  }

  private static String sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return sha256(in);
    }
  }

  private static String sha256(InputStream content) throws IOException {
    try (InputStream in = new DigestInputStream(content, MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(OutputStream.nullOutputStream());
      return HexFormat.of()
          .formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
