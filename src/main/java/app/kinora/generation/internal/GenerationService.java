package app.kinora.generation.internal;

import app.kinora.generation.Attachment;
import app.kinora.generation.DataSent;
import app.kinora.generation.Generation;
import app.kinora.generation.GenerationId;
import app.kinora.generation.GenerationPage;
import app.kinora.generation.GenerationProperties;
import app.kinora.generation.GenerationReferences;
import app.kinora.generation.Generations;
import app.kinora.generation.Lineage;
import app.kinora.generation.OutputVariant;
import app.kinora.media.BlobKey;
import app.kinora.media.BlobStore;
import app.kinora.provider.ModelCatalog;
import app.kinora.provider.Providers;
import app.kinora.provider.Transfer;
import app.kinora.provider.spi.ModelDescriptor;
import app.kinora.shared.UserId;
import app.kinora.shared.VideoSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Service;

@Service
class GenerationService implements Generations {

  private static final int COMPLETED_LIMIT = 500;

  private final GenerationIntake intake;
  private final GenerationReads reads;
  private final OutputKeys outputs;
  private final GenerationLifecycle settlement;
  private final ModelCatalog catalog;
  private final BlobStore blobs;
  private final GenerationProperties properties;
  private final Providers providers;

  GenerationService(
      GenerationIntake intake,
      GenerationReads reads,
      OutputKeys outputs,
      GenerationLifecycle settlement,
      ModelCatalog catalog,
      BlobStore blobs,
      GenerationProperties properties,
      Providers providers) {
    this.providers = providers;
    this.intake = intake;
    this.reads = reads;
    this.outputs = outputs;
    this.settlement = settlement;
    this.catalog = catalog;
    this.blobs = blobs;
    this.properties = properties;
  }

  @Override
  public Generation submit(
      UserId owner, VideoSpec<GenerationReferences> spec, Attachment.Files files, Lineage lineage) {
    return intake.submit(owner, spec, files, lineage);
  }

  @Override
  public GenerationPage page(UserId owner, GenerationId after, boolean ascending, int limit) {
    return reads.page(owner, after, ascending, limit);
  }

  @Override
  public Optional<Generation> find(UserId owner, GenerationId id) {
    return reads.findOwned(owner, id);
  }

  @Override
  public boolean cancel(UserId owner, GenerationId id) {
    return settlement.cancel(owner, id);
  }

  @Override
  public List<Generation> recent(UserId owner, int limit) {
    return reads.recent(owner, limit, false);
  }

  @Override
  public List<Generation> completed(UserId owner) {
    return reads.recent(owner, COMPLETED_LIMIT, true);
  }

  @Override
  public Optional<Resource> output(UserId owner, GenerationId id, OutputVariant variant) {
    return outputs.of(owner, id, variant).map(BlobKey::new).flatMap(blobs::open);
  }

  @Override
  public boolean aiGenerated(String model) {
    return catalog.isTrainedModel(model);
  }

  @Override
  public Map<GenerationId, List<DataSent>> dataSent(UserId owner, Collection<GenerationId> ids) {
    var sent = new LinkedHashMap<GenerationId, List<DataSent>>();
    ids.forEach(id -> sent.put(id, new ArrayList<>()));
    var transfers =
        providers.transfers(owner, ids.stream().map(GenerationId::value).toList());
    for (var transfer : transfers) {
      sent.get(new GenerationId(transfer.generation()))
          .add(new DataSent(
              transfer.provider(),
              transfer.country(),
              transfer.fields(),
              transfer.media().stream().map(Transfer.SentMedia::name).toList(),
              transfer.sentAt(),
              transfer.summary()));
    }
    return sent;
  }

  @Override
  public List<ModelDescriptor> models() {
    // One order on every node and at every start (configured aliases bound from environment
    // variables come in no order): the default first, then the local renderer's, then by name.
    var models = new ArrayList<>(catalog.models());
    models.sort(
        Comparator.comparing((ModelDescriptor m) -> !m.id().equals(properties.defaultModel()))
            .thenComparing(m -> catalog.isTrainedModel(m.id()))
            .thenComparing(m -> m.displayName().toLowerCase(Locale.ROOT))
            .thenComparing(ModelDescriptor::id));
    return models;
  }
}
