package app.kinora.library.internal;

import app.kinora.privacy.spi.DataCategory;
import app.kinora.privacy.spi.PersonalColumn;
import app.kinora.privacy.spi.PersonalDataHolder;
import app.kinora.privacy.spi.Purpose;
import app.kinora.shared.UserId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The library's index of a user's items (prompts included). The files themselves belong to the
 * generation and media modules, which erase them.
 */
@Component
class LibraryPersonalData implements PersonalDataHolder {

  private final LibraryItems items;

  LibraryPersonalData(LibraryItems items) {
    this.items = items;
  }

  @Override
  public String module() {
    return "library";
  }

  @Override
  public Set<String> tables() {
    return Set.of("library_items");
  }

  @Override
  public List<PersonalColumn> columns() {
    return PersonalColumn.of(
        "library_items",
        DataCategory.CONTENT,
        "until the user deletes the item or the account",
        Set.of(Purpose.DELIVERY),
        "source",
        "kind",
        "status",
        "model",
        "prompt",
        "prompt_words",
        "favourite");
  }

  @Override
  public Map<String, Object> export(UserId user) {
    return Map.of(
        "items",
        items.all(user.value()).stream()
            .map(item -> Map.of(
                "id", item.id().toString(),
                "source", item.source().name().toLowerCase(java.util.Locale.ROOT),
                "kind", item.kind().name().toLowerCase(java.util.Locale.ROOT),
                "status", item.status().name().toLowerCase(java.util.Locale.ROOT),
                "prompt", item.prompt(),
                "favourite", item.favourite(),
                "createdAt", item.createdAt().toString()))
            .toList());
  }

  @Override
  public void erase(UserId user) {
    items.deleteAll(user.value());
  }
}
