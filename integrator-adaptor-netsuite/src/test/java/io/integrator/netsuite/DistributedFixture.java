package io.integrator.netsuite;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.Integrator;
import io.integrator.model.DistributedExport;
import io.integrator.model.DistributedImport;
import io.integrator.model.JobError;
import io.integrator.model.ResourceJson;
import io.integrator.model.Resources;
import io.integrator.pipeline.Backoff;
import io.integrator.store.Stores;
import io.integrator.testkit.RestletServer;
import java.time.Duration;
import java.util.List;

/**
 * A RestletServer (account 123456, consumer ck/cs, token tid/ts) and an Integrator with the
 * distributed adaptor registered, an IClient holding the consumer credentials and connection {@code
 * ns} pointing at the server.
 */
final class DistributedFixture implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  final RestletServer ns;
  final Integrator integrator;

  DistributedFixture(String connectionExtra) {
    ns = RestletServer.builder().account("123456").consumer("ck", "cs").token("tid", "ts").start();
    integrator = Integrator.builder().store(Stores.inMemory()).adaptor(new DistributedAdaptor())
        .retryBackoff(new Backoff(Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofSeconds(2)))
        .build();
    integrator.iclients().create("""
        {"_id": "nsapp", "name": "Integrator DA", "provider": "netsuite",
         "netsuite": {"consumerKey": "ck", "consumerSecret": "cs"}}""");
    integrator.connections().create("""
        {"_id": "ns", "name": "NetSuite", "type": "netsuite",
         "netsuite": {"account": "123456", "tokenId": "tid", "tokenSecret": "ts",
                      "_iClientId": "nsapp", "dataCenterURLs": {"restDomain": "%s"}%s}}"""
        .formatted(ns.restDomain(), connectionExtra));
  }

  DistributedFixture() {
    this("");
  }

  static ObjectNode json(String s) {
    try {
      return (ObjectNode) JSON.readTree(s);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  void distributedImport(String id, String distributed) {
    integrator.imports().create("""
        {"_id": "%s", "name": "NetSuite Order Import", "_connectionId": "ns", "distributed": "true"}"""
        .formatted(id));
    integrator.imports().putDistributed(id, Resources.of(DistributedImport.class,
        (ObjectNode) ResourceJson.read(distributed, "test")));
  }

  void distributedExport(String id, String export, String distributed) {
    integrator.exports().create(export.formatted(id));
    integrator.exports().putDistributed(id, Resources.of(DistributedExport.class,
        (ObjectNode) ResourceJson.read(distributed, "test")));
  }

  List<JobError> errors() {
    return integrator.jobErrors().list();
  }

  @Override
  public void close() {
    integrator.close();
    ns.close();
  }
}
