package io.integrator.store;

/** The contract suite against {@link Stores#inMemory(StoreOptions)}. */
class InMemoryStoreTest extends ResourceStoreContractTest {
  @Override
  ResourceStore open(StoreOptions options) {
    return Stores.inMemory(options);
  }
}
