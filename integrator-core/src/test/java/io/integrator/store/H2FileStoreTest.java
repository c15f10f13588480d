package io.integrator.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The contract suite against {@link Stores#h2File(Path, StoreOptions)}. */
class H2FileStoreTest extends ResourceStoreContractTest {
  @TempDir Path dir;
  private int opened;

  @Override
  ResourceStore open(StoreOptions options) {
    // a fresh directory per open: the contract assumes an empty store
    return Stores.h2File(dir.resolve("store-" + (opened++)), options);
  }
}
