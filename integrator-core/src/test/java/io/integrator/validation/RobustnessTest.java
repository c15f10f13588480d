package io.integrator.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.model.Resource;
import io.integrator.model.ResourceJson;
import io.integrator.model.ResourceKind;
import io.integrator.model.Resources;
import io.integrator.model.Secrets;
import io.integrator.project.Project;
import io.integrator.project.ProjectDirectory;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bad input never escapes as an exception: every node of every document of the example project is
 * replaced in turn by values of the wrong shape, and loading, validating, masking and the typed
 * getters must still work and report problems instead.
 */
class RobustnessTest {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final List<JsonNode> ODD =
      List.of(
          F.numberNode(7), F.textNode("x"), F.booleanNode(true), F.nullNode(), F.arrayNode(),
          F.arrayNode().add(1).add("y"), F.objectNode(), F.objectNode().put("q", 1));

  @Test
  void everyWrongShapeIsReportedNotThrown() throws URISyntaxException {
    Project p = ProjectDirectory.load(Path.of(getClass().getResource("/projects/valid").toURI()));
    Validator v = Validator.builder().knownHookIds(id -> false).build();
    int variants = 0;
    for (Resource r : p.resources()) {
      ObjectNode doc = r.json();
      for (String ptr : pointers(doc, "")) {
        for (JsonNode odd : ODD) {
          ObjectNode changed = doc.deepCopy();
          replace(changed, ptr, odd);
          variants++;
          assertThatCode(
                  () -> {
                    Resource bad = Resources.of(r.kind(), changed);
                    v.validate(bad, "x.json");
                    Secrets.mask(r.kind(), changed);
                    bad.toString();
                    getters(bad);
                    Resources.parse(r.kind(), ResourceJson.write(bad.json()), "again.json");
                  })
              .as("%s at %s = %s", p.sourceOf(r), ptr, odd)
              .doesNotThrowAnyException();
        }
      }
    }
    assertThat(variants).isGreaterThan(1000);
  }

  @Test
  void wrongShapesInSectionsGiveTypeProblems() {
    Resource r = Resources.parse(ResourceKind.FLOW,
        "{\"pageGenerators\":{\"_exportId\":\"e\"},\"pageProcessors\":\"x\"}", "f");
    assertThat(Validator.defaults().validate(r, "flows/f.json").lines())
        .containsExactly(
            "flows/f.json: pageGenerators: must be an array",
            "flows/f.json: pageProcessors: must be an array",
            "flows/f.json: pageGenerators: a flow needs at least one page generator (or the simple form _exportId and _importId)");
  }

  private static void getters(Resource r) {
    if (r instanceof io.integrator.model.Flow f) {
      f.exportIds();
      f.importIds();
      f.timezone();
    } else if (r instanceof io.integrator.model.Import i) {
      i.lookups();
      i.mapping();
      i.systemSection();
    } else if (r instanceof io.integrator.model.Export e) {
      e.pageSize();
      e.testLimit();
      e.systemSection();
    } else if (r instanceof io.integrator.model.Connection c) {
      c.concurrencyLevel();
      c.ftpType();
      c.iClientId();
    } else if (r instanceof io.integrator.model.DistributedExport d) {
      d.executionContext();
    }
    r.id();
    r.name();
  }

  private static List<String> pointers(JsonNode n, String base) {
    List<String> out = new ArrayList<>();
    if (n.isObject()) {
      n.fieldNames().forEachRemaining(k -> {
        String p = base + "/" + k;
        out.add(p);
        out.addAll(pointers(n.get(k), p));
      });
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        out.add(base + "/" + i);
        out.addAll(pointers(n.get(i), base + "/" + i));
      }
    }
    return out;
  }

  private static void replace(ObjectNode root, String ptr, JsonNode value) {
    int slash = ptr.lastIndexOf('/');
    JsonNode parent = root.at(ptr.substring(0, slash));
    String last = ptr.substring(slash + 1);
    if (parent instanceof ObjectNode o) {
      o.set(last, value);
    } else if (parent instanceof ArrayNode a) {
      a.set(Integer.parseInt(last), value);
    }
  }
}
