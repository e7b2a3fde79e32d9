package app.kinora.media.internal;

import app.kinora.media.BlobStore;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

class FileSystemBlobStoreContractTest extends BlobStoreContract {

  @TempDir
  Path root;

  private BlobStore store;

  @BeforeEach
  void createStore() throws IOException {
    store = new FileSystemBlobStore(root);
  }

  @Override
  BlobStore store() {
    return store;
  }
}
