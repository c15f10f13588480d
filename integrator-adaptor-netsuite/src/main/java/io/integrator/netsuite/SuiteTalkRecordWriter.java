package io.integrator.netsuite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.spi.AdaptorException;
import io.integrator.spi.Classification;
import io.integrator.spi.ErrorItem;
import io.integrator.spi.ImportRecord;
import io.integrator.spi.RecordWriter;
import io.integrator.spi.SubmitResult;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * Writes a page of records of a web-services import (REFERENCE §4.4).
 *
 * <p>Per page: the {@code internalIdLookup} keys of all records are searched at once ({@link
 * SuiteTalkFinder}); each record is then added, updated, upserted, deleted or ignored by the rules
 * below, and the writes go out batched as {@code addList}, {@code updateList}, {@code upsertList}
 * and {@code deleteList} (200 records per call). Each record's {@code writeResponse} becomes its
 * result: success with the internal id, or an error with NetSuite's code and message.
 *
 * <table>
 *   <caption>What happens to a record</caption>
 *   <tr><th>operation</th><th>one match</th><th>no match</th></tr>
 *   <tr><td>add</td><td>ignored with ignoreExisting, else added</td><td>added</td></tr>
 *   <tr><td>update</td><td>updated</td><td>ignored with ignoreMissing; added with
 *       retryUpdateAsAdd; else error {@code record_not_found} (missing)</td></tr>
 *   <tr><td>addupdate</td><td>updated (ignored with ignoreExisting)</td><td>added; upserted when the
 *       mapped record has an externalId</td></tr>
 *   <tr><td>delete</td><td>deleted</td><td>ignored with ignoreMissing, else error</td></tr>
 * </table>
 *
 * <p>More than one match is a record error {@code duplicate} (classification duplicate): the
 * adaptor never guesses which record was meant. Without {@code searchField} the value at {@code
 * extract} is the internal id itself. A failed update whose record is gone ({@code
 * RCRD_DSNT_EXIST}) is added when {@code retryUpdateAsAdd} is set.
 */
final class SuiteTalkRecordWriter implements RecordWriter {
  private static final int LIST_MAX = 200;

  private final SuiteTalkClient client;
  private final SuiteTalkImportPlan plan;

  private record Pending(int index, ObjectNode record, String internalId, String label) {}

  SuiteTalkRecordWriter(SuiteTalkClient client, SuiteTalkImportPlan plan) {
    this.client = client;
    this.plan = plan;
  }

  @Override
  public List<SubmitResult> submit(List<ObjectNode> records) throws AdaptorException {
    List<ImportRecord> in = new ArrayList<>();
    records.forEach(r -> in.add(ImportRecord.of(r)));
    return submitRecords(in);
  }

  @Override
  public List<SubmitResult> submitRecords(List<ImportRecord> records) throws AdaptorException {
    try {
      return write(records);
    } catch (SuiteTalkFault f) {
      throw f.toAdaptorException();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AdaptorException("interrupted", "import '" + plan.importName + "' was"
          + " interrupted", Classification.INTERMITTENT);
    }
  }

  private List<SubmitResult> write(List<ImportRecord> records)
      throws SuiteTalkFault, InterruptedException {
    int n = records.size();
    SubmitResult[] results = new SubmitResult[n];
    String[] keys = new String[n];
    Map<String, List<ObjectNode>> found = Map.of();
    if (plan.hasLookup()) {
      LinkedHashSet<String> distinct = new LinkedHashSet<>();
      for (int i = 0; i < n; i++) {
        keys[i] = extract(records.get(i).source(), plan.extract);
        if (keys[i] != null) {
          distinct.add(keys[i]);
        }
      }
      if (plan.searchField != null && !distinct.isEmpty()) {
        found = new SuiteTalkFinder(client).find(plan.type, plan.searchField, plan.searchOperator,
            true, List.copyOf(distinct));
      }
    }
    List<Pending> adds = new ArrayList<>();
    List<Pending> updates = new ArrayList<>();
    List<Pending> upserts = new ArrayList<>();
    List<Pending> deletes = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ObjectNode record = records.get(i).record();
      String label = label(i, keys[i], record);
      List<String> ids = matches(keys[i], found);
      if (ids.size() > 1) {
        results[i] = failure(409, "duplicate", "import '" + plan.importName + "': "
            + "internalIdLookup found " + ids.size() + " " + plan.type.name() + " records whose "
            + plan.searchField + " is '" + keys[i] + "' (internal ids " + String.join(", ", ids)
            + "); make the search field unique or map the internal id", Classification.DUPLICATE);
        continue;
      }
      String id = ids.isEmpty() ? null : ids.get(0);
      switch (plan.operation) {
        case ADD -> {
          if (id != null && plan.ignoreExisting) {
            results[i] = SubmitResult.ignore(id);
          } else {
            adds.add(new Pending(i, record, null, label));
          }
        }
        case UPDATE -> {
          if (id != null) {
            updates.add(new Pending(i, record, id, label));
          } else if (plan.ignoreMissing) {
            results[i] = SubmitResult.ignore(null);
          } else if (plan.retryUpdateAsAdd) {
            adds.add(new Pending(i, record, null, label));
          } else {
            results[i] = notFound(label);
          }
        }
        case ADDUPDATE -> {
          if (id != null && plan.ignoreExisting) {
            results[i] = SubmitResult.ignore(id);
          } else if (id != null) {
            updates.add(new Pending(i, record, id, label));
          } else if (record.hasNonNull("externalId") && !record.get("externalId").asText().isBlank()) {
            upserts.add(new Pending(i, record, null, label));
          } else {
            adds.add(new Pending(i, record, null, label));
          }
        }
        case DELETE -> {
          if (id != null) {
            deletes.add(new Pending(i, record, id, label));
          } else if (plan.ignoreMissing) {
            results[i] = SubmitResult.ignore(null);
          } else {
            results[i] = notFound(label);
          }
        }
        default -> throw new IllegalStateException();
      }
    }
    send("addList", adds, results);
    List<Pending> gone = send("updateList", updates, results);
    if (plan.retryUpdateAsAdd && !gone.isEmpty()) {
      List<Pending> again = new ArrayList<>();
      gone.forEach(p -> again.add(new Pending(p.index(), p.record(), null, p.label())));
      send("addList", again, results);
    }
    send("upsertList", upserts, results);
    send("deleteList", deletes, results);
    return List.of(results);
  }

  /** The internal ids for a key: the search's matches, or the key itself without searchField. */
  private List<String> matches(String key, Map<String, List<ObjectNode>> found) {
    if (key == null) {
      return List.of();
    }
    if (plan.searchField == null) {
      return List.of(key);
    }
    List<String> ids = new ArrayList<>();
    for (ObjectNode r : found.getOrDefault(key, List.of())) {
      ids.add(r.path("internalId").asText());
    }
    return ids;
  }

  /**
   * Sends one list operation in chunks and fills the results.
   *
   * @return the updates NetSuite answered with RCRD_DSNT_EXIST (for retryUpdateAsAdd)
   */
  private List<Pending> send(String operation, List<Pending> pending, SubmitResult[] results)
      throws SuiteTalkFault, InterruptedException {
    List<Pending> gone = new ArrayList<>();
    for (int from = 0; from < pending.size(); from += LIST_MAX) {
      List<Pending> chunk = pending.subList(from, Math.min(pending.size(), from + LIST_MAX));
      List<Pending> sent = new ArrayList<>();
      for (Pending p : chunk) {
        if (operation.equals("deleteList")) {
          sent.add(p);
          continue;
        }
        String problem = plan.codec.check(p.record(), p.internalId(), client.ns);
        if (problem == null) {
          sent.add(p);
        } else {
          results[p.index()] = failure(422, "invalid_record", "import '" + plan.importName
              + "', " + p.label() + ": " + problem, Classification.VALUE);
        }
      }
      if (sent.isEmpty()) {
        continue;
      }
      Element resp = client.call(operation, null, (op, ns) -> {
        for (Pending p : sent) {
          if (operation.equals("deleteList")) {
            var ref = op.addChildElement("baseRef", "platformMsgs");
            ref.addNamespaceDeclaration("platformCore", ns.core);
            ref.setAttributeNS(SuiteTalkNamespaces.XSI, "xsi:type", "platformCore:RecordRef");
            ref.setAttribute("internalId", p.internalId());
            ref.setAttribute("type", plan.type.name());
          } else {
            try {
              plan.codec.encode(op, "record", p.record(), p.internalId(), ns);
            } catch (SuiteTalkRecordException e) {
              throw new IllegalStateException("a checked record failed to encode", e);
            }
          }
        }
      });
      Element list = SoapXml.find(resp, "writeResponseList");
      List<Element> responses = list == null ? List.of() : SoapXml.children(list, "writeResponse");
      SuiteTalkStatus listStatus = SuiteTalkStatus.of(list == null ? null
          : SoapXml.child(list, "status"));
      for (int i = 0; i < sent.size(); i++) {
        Pending p = sent.get(i);
        if (i >= responses.size()) {
          results[p.index()] = failure(listStatus.success() ? 502 : listStatus.statusCode(),
              listStatus.success() ? "parse" : listStatus.code(), "NetSuite answered " + operation
              + " without a writeResponse for " + p.label() + (listStatus.success() ? ""
              : ": " + listStatus.message()), listStatus.success() ? Classification.PARSE
              : listStatus.classification());
          continue;
        }
        Element wr = responses.get(i);
        SuiteTalkStatus s = SuiteTalkStatus.of(SoapXml.child(wr, "status"));
        Element ref = SoapXml.child(wr, "baseRef");
        String id = ref == null ? p.internalId() : SoapXml.attr(ref, "internalId");
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("isSuccess", s.success());
        if (s.success()) {
          if (id != null) {
            json.put("internalId", id);
          }
          json.put("type", plan.type.name());
          results[p.index()] = SubmitResult.success(id, json);
        } else if (operation.equals("updateList") && s.code().equals("RCRD_DSNT_EXIST")
            && plan.retryUpdateAsAdd) {
          gone.add(p);
        } else {
          json.put("code", s.code());
          json.put("message", s.message());
          results[p.index()] = new SubmitResult(s.statusCode(), null, json,
              List.of(new ErrorItem(s.code(), "NetSuite refused " + operation.replace("List", "")
                  + " of " + plan.type.name() + " (" + p.label() + "): " + s.message(),
                  "application")), false, s.classification(), Optional.empty());
        }
      }
    }
    return gone;
  }

  private SubmitResult notFound(String label) {
    return failure(422, "record_not_found", "import '" + plan.importName + "': no "
        + plan.type.name() + " has " + (plan.searchField == null ? "that internal id"
        : plan.searchField + " equal to the value at " + plan.extract) + " (" + label + ");"
        + " set ignoreMissing to skip such records or retryUpdateAsAdd to add them",
        Classification.MISSING);
  }

  private static SubmitResult failure(int status, String code, String message, String cls) {
    return new SubmitResult(status, null, null, List.of(new ErrorItem(code, message,
        "application")), false, cls, Optional.empty());
  }

  private String label(int i, String key, ObjectNode record) {
    if (key != null) {
      return plan.extract + " '" + key + "'";
    }
    JsonNode ext = record.get("externalId");
    return ext != null && !ext.isNull() ? "externalId '" + ext.asText() + "'"
        : "record " + (i + 1) + " of the page";
  }

  /** The scalar at a dotted path of the record before mapping, or null. */
  static String extract(ObjectNode source, String path) {
    JsonNode n = source;
    for (String part : path.split("\\.")) {
      n = n.path(part);
    }
    if (n.isMissingNode() || n.isNull() || n.isContainerNode()) {
      return null;
    }
    String s = n.asText().trim();
    return s.isEmpty() ? null : s;
  }
}
