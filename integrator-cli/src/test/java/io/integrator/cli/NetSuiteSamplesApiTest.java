package io.integrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.Integrator;
import io.integrator.model.DistributedImport;
import io.integrator.model.Job;
import io.integrator.model.JobError;
import io.integrator.model.ResourceJson;
import io.integrator.model.Resources;
import io.integrator.store.Stores;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The same runs as {@link NetSuiteSamplesCliTest} through the Java API: the project's documents
 * created with {@code Integrator}'s resource operations (the distributed sub-document with {@code
 * putDistributed}), adaptors and hooks found on the classpath, {@code runFlow} and {@code retry}.
 */
class NetSuiteSamplesApiTest {
  NetSuiteSamples samples;
  Integrator integrator;

  @BeforeEach
  void start() {
    samples = new NetSuiteSamples();
    integrator = Integrator.builder().store(Stores.inMemory()).build();
    for (Map.Entry<String, String> doc : samples.documents().entrySet()) {
      String[] path = doc.getKey().split("/");
      String id = path[1].replaceFirst("(\\.distributed)?\\.json$", "");
      ObjectNode json = ResourceJson.read(doc.getValue(), doc.getKey());
      if (path[1].endsWith(".distributed.json")) {
        integrator.imports().putDistributed(id, Resources.of(DistributedImport.class, json));
        continue;
      }
      json.put("_id", id);
      switch (path[0]) {
        case "integrations" -> integrator.integrations().create(json.toString());
        case "iclients" -> integrator.iclients().create(json.toString());
        case "connections" -> integrator.connections().create(json.toString());
        case "exports" -> integrator.exports().create(json.toString());
        case "imports" -> integrator.imports().create(json.toString());
        case "flows" -> integrator.flows().create(json.toString());
        default -> throw new IllegalStateException("unexpected document " + doc.getKey());
      }
    }
  }

  @AfterEach
  void stop() {
    integrator.close();
    samples.close();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {NetSuiteSamples.REST_TO_WS, NetSuiteSamples.FTP_TO_WS,
      NetSuiteSamples.REST_TO_DA, NetSuiteSamples.FTP_TO_DA})
  void eachSampleFromEachExportRunsAndItsLookupMissIsRetried(String flow) {
    boolean distributed = flow.endsWith("-da");

    Job job = integrator.runFlow(flow);

    assertThat(job.status()).isEqualTo("completed");
    assertThat(job.numExport()).isEqualTo(4);
    assertThat(job.numSuccess()).isEqualTo(3);
    assertThat(job.numError()).isEqualTo(1);
    List<JobError> errors = integrator.jobErrors().list();
    assertThat(errors).singleElement().satisfies(e -> {
      assertThat(e.classification()).isEqualTo("missing");
      assertThat(e.message()).contains("customerLookup").contains(NetSuiteSamples.MISSING_EMAIL);
      assertThat(e.retryId()).isNotNull();
    });
    if (distributed) {
      samples.assertDistributedOrders(false);
    } else {
      samples.assertWebServicesOrders(false);
    }

    samples.addMissingCustomer();
    Job retry = integrator.retry(job.id());

    assertThat(retry.status()).isEqualTo("completed");
    assertThat(retry.numSuccess()).isEqualTo(1);
    assertThat(integrator.jobs().get(job.id()).numError()).isZero();
    if (distributed) {
      samples.assertDistributedOrders(true);
    } else {
      samples.assertWebServicesOrders(true);
    }
  }
}
