package io.integrator.store;

import java.util.UUID;

/**
 * The contract suite on H2 in PostgreSQL compatibility mode with lower-case identifiers: a cheap
 * guard that the SQL stays portable (there is no PostgreSQL server or driver in this build).
 */
class H2PostgresModeStoreTest extends ResourceStoreContractTest {
  @Override
  ResourceStore open(StoreOptions options) {
    return Stores.jdbc(
        "jdbc:h2:mem:pg-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
        "sa", "", options);
  }
}
