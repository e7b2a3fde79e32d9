package app.kinora.generation.internal;

import app.kinora.billing.CreditLedger;
import app.kinora.billing.PriceRequest;
import app.kinora.provider.spi.Capability;
import app.kinora.provider.spi.ModelDescriptor;
import app.kinora.shared.VideoSize;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The studio's model picker: one card per model of the catalogue saying what it can do — its
 * durations, sizes, sound, references — and what a second of its video costs in credits, under
 * the same price table the quote and the hold use.
 */
@Component
class ModelCards {

  private final CreditLedger credits;

  ModelCards(CreditLedger credits) {
    this.credits = credits;
  }

  /** What one card shows. */
  record ModelCard(String id, String name, String description, List<String> facts, String price) {}

  List<ModelCard> of(List<ModelDescriptor> models) {
    return models.stream().map(this::card).toList();
  }

  private ModelCard card(ModelDescriptor model) {
    var facts = new ArrayList<String>();
    facts.add(durations(model));
    facts.add(sizes(model));
    if (model.can(Capability.AUDIO_GENERATION)) {
      facts.add("makes sound");
    }
    var references = references(model);
    if (!references.isEmpty()) {
      facts.add("from " + String.join(", ", references));
    }
    return new ModelCard(
        model.id(), model.displayName(), model.description(), List.copyOf(facts), price(model));
  }

  private static String durations(ModelDescriptor model) {
    if (!model.allowedSeconds().isEmpty()) {
      var seconds = model.allowedSeconds().stream().map(String::valueOf).toList();
      return String.join(", ", seconds) + " s";
    }
    return model.minSeconds() == model.maxSeconds()
        ? model.minSeconds() + " s"
        : model.minSeconds() + "–" + model.maxSeconds() + " s";
  }

  private static String sizes(ModelDescriptor model) {
    int best = model.sizes().stream()
        .mapToInt(size -> Math.min(size.width(), size.height()))
        .max()
        .orElseThrow();
    long shapes = model.sizes().stream()
        .map(size -> ModelOptions.SizeOption.of(size).ratio())
        .distinct()
        .count();
    return "up to %dp · %d %s".formatted(best, shapes, shapes == 1 ? "shape" : "shapes");
  }

  private static List<String> references(ModelDescriptor model) {
    var kinds = new ArrayList<String>();
    if (model.can(Capability.FIRST_FRAME)) {
      kinds.add("a first frame");
    }
    if (model.can(Capability.LAST_FRAME)) {
      kinds.add("a last frame");
    }
    if (model.maxReferenceImages() > 0) {
      kinds.add(model.maxReferenceImages() + " reference pictures");
    }
    if (model.can(Capability.AUDIO_REFERENCE)) {
      kinds.add("a soundtrack");
    }
    if (model.can(Capability.VIDEO_REFERENCE)) {
      kinds.add("a clip");
    }
    return kinds;
  }

  /**
   * Credits per second at the model's smallest size without sound, over its longest video (so a
   * minimum charge per job does not inflate it): "about 1.5 credits a second".
   */
  private String price(ModelDescriptor model) {
    VideoSize smallest = model.sizes().stream()
        .min(Comparator.comparingInt(size -> size.width() * size.height()))
        .orElseThrow();
    int seconds = model.maxSeconds();
    var total =
        credits.quote(new PriceRequest(model.id(), seconds, smallest, false)).value();
    if (total == 0) {
      return "free";
    }
    var perSecond = BigDecimal.valueOf(total)
        .divide(BigDecimal.valueOf(seconds), 1, RoundingMode.HALF_UP)
        .stripTrailingZeros()
        .toPlainString();
    return "from " + perSecond + (perSecond.equals("1") ? " credit" : " credits") + " a second";
  }
}
