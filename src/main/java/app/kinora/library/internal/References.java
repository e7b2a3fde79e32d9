package app.kinora.library.internal;

import app.kinora.generation.GenerationReferences;
import app.kinora.media.UploadId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The uploads a generation started from, as the detail page lists them. */
record References(List<Reference> all) {

  /** One reference: its role, its library item if still kept. */
  record Reference(String role, UUID id, LibraryItem item) {
    public boolean kept() {
      return item != null;
    }
  }

  static References of(GenerationReferences references, LibraryItems items, UUID owner) {
    var all = new ArrayList<Reference>();
    add(all, "First frame", references.firstFrame(), items, owner);
    add(all, "Last frame", references.lastFrame(), items, owner);
    add(all, "Soundtrack", references.audio(), items, owner);
    add(all, "Video restyled", references.video(), items, owner);
    references.images().forEach(image -> add(all, "Reference image", image, items, owner));
    return new References(List.copyOf(all));
  }

  private static void add(
      List<Reference> all, String role, UploadId id, LibraryItems items, UUID owner) {
    if (id != null) {
      all.add(new Reference(role, id.value(), items.find(owner, id.value()).orElse(null)));
    }
  }
}
