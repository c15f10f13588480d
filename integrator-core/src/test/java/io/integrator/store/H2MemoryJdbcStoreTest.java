package io.integrator.store;

import java.util.UUID;

/** The contract suite against {@link Stores#jdbc(String, String, String, StoreOptions)} on in-memory H2. */
class H2MemoryJdbcStoreTest extends ResourceStoreContractTest {
  @Override
  ResourceStore open(StoreOptions options) {
    return Stores.jdbc("jdbc:h2:mem:contract-" + UUID.randomUUID(), "sa", "", options);
  }
}
