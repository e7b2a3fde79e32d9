package app.kinora.generation;

import java.util.List;

/** One page of an owner's generations in the order asked, and whether more follow it. */
public record GenerationPage(List<Generation> items, boolean hasMore) {

  public GenerationPage {
    items = List.copyOf(items);
  }
}
