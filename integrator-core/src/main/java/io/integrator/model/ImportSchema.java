package io.integrator.model;

import static io.integrator.model.Dsl.*;

import java.util.ArrayList;
import java.util.List;

/** Import fields (REFERENCE §4, §5), the mapping and lookup shapes, and the distributed config. */
final class ImportSchema {
  private ImportSchema() {}

  /** The properties of one {@code mapping.fields[]} entry (REFERENCE §5). */
  static ObjectSchema mappingField() {
    return ObjectSchema.of(
        str("extract"),
        str("generate").required(),
        any("hardCodedValue"),
        str("lookupName").alias("lookup"),
        enm("dataType", "string", "number", "boolean", "date").lower(),
        str("extractDateFormat"),
        str("extractDateTimezone"),
        str("generateDateFormat"),
        str("generateDateTimezone"),
        bool("discardIfEmpty"),
        bool("immutable"),
        bool("internalId"));
  }

  /** {@code mapping{fields[], lists[{generate, fields[]}]}}; also used for response mapping. */
  static ObjectSchema mapping() {
    return ObjectSchema.of(
        arrOf("fields", mappingField()),
        arrOf("lists", str("generate").required(), arrOf("fields", mappingField())));
  }

  /** Every lookup kind's fields (static map, REST, NetSuite; REFERENCE §4.5). */
  static ObjectSchema lookup() {
    return ObjectSchema.of(
        str("name").required(),
        open("map"),
        any("default"),
        bool("allowFailures"),
        str("relativeURI"),
        enm("method", "GET", "POST").upper(),
        any("postData"),
        str("extract"),
        str("recordType"),
        str("searchField"),
        strOrArr("expression"),
        str("resultField"),
        str("operator"),
        bool("includeInactive"));
  }

  static FieldSpec internalIdLookup() {
    return obj(
        "internalIdLookup",
        str("extract"),
        str("searchField"),
        strOrArr("expression"),
        str("operator"));
  }

  static FieldSpec operation() {
    return enm("operation", "add", "update", "addupdate", "attach", "detach", "delete").lower();
  }

  static List<FieldSpec> restFields(boolean http) {
    List<FieldSpec> f =
        new ArrayList<>(
            List.of(
                strOrArr("relativeURI"),
                strOrArr("method").values("POST", "PUT", "DELETE", "PATCH").upper(),
                ConnectionSchema.headers(),
                str("responseIdPath"),
                str("successPath"),
                arr("successValues", FieldType.STRING),
                obj("resourceId", str("lookupName"), str("extract")),
                arrOf("lookups", lookup()),
                str("ignoreLookupName"),
                str("ignoreExtract")));
    if (http) {
      f.addAll(
          List.of(
              arr("requestType", FieldType.STRING).values("CREATE", "UPDATE").upper(),
              str("existingExtract"),
              str("existingLookupName"),
              arr("body", FieldType.ANY),
              integer("batchSize").min(1),
              bool("sendPostMappedData"),
              obj("response", str("resourcePath"))));
    }
    return f;
  }

  static FieldSpec file() {
    return obj(
        "file",
        ExportSchema.fileType(),
        str("fileName"),
        bool("skipRename"),
        str("encoding"),
        enm("compressionFormat", "gzip", "zip").lower(),
        obj(
            "csv",
            str("columnDelimiter"),
            str("rowDelimiter"),
            bool("includeHeader"),
            bool("wrapWithQuotes"),
            bool("replaceTabWithSpace"),
            bool("replaceNewlineWithSpace"),
            bool("truncateLastRowDelimiter")),
        ExportSchema.fixedWidth(),
        bool("skipAggregation"),
        obj("aggregation", enm("type", "all", "page").lower()));
  }

  static ObjectSchema schema() {
    return ObjectSchema.of(common())
        .add(
            str("name"),
            ref("_connectionId", ResourceKind.CONNECTION).required(),
            str("apiIdentifier").readOnly(),
            ref("_integrationId", ResourceKind.INTEGRATION),
            ref("_connectorId", ResourceKind.CONNECTOR),
            bool("distributed"),
            integer("maxAttempts").min(1),
            bool("ignoreExisting"),
            bool("ignoreMissing"),
            bool("ignoreExistingLoE"),
            bool("ignoreMissingLoE"),
            str("idLockTemplate"),
            any("sampleData"),
            obj("mapping", mapping()),
            obj(
                "hooks",
                hookId("_preMapId").alias("_preMappingId"),
                hookId("_postMapId").alias("_postMappingId"),
                hookId("_postSubmitId"),
                hookId("_postAggregateId"),
                open("configuration")),
            obj("rest", ObjectSchema.of(restFields(false))),
            obj("http", ObjectSchema.of(restFields(true))),
            obj(
                "netsuite",
                str("recordType"),
                str("recordTypeId"),
                operation(),
                internalIdLookup(),
                arrOf("lookups", lookup()),
                mapOrArr("customFieldMetadata", str("field").required(), str("type").required())
            .mapValues(obj("value", str("type").required())),
                bool("retryUpdateAsAdd")),
            obj(
                "ftp",
                str("directoryPath").required(),
                str("fileName"),
                str("fileExtension"),
                str("inProgressFileName"),
                str("backupDirectoryPath")),
            file());
  }

  static FieldSpec nsHook(String name, String alias) {
    FieldSpec f =
        obj(name, str("fileInternalId"), str("function").alias("functionName"));
    if (alias != null) {
      f.alias(alias);
    }
    return f;
  }

  /** The distributed import config (REFERENCE §4.6). */
  static ObjectSchema distributed() {
    return ObjectSchema.of(str("_id").readOnly(), str("lastModified").readOnly())
        .add(
            str("recordType").required(),
            str("recordTypeId"),
            operation(),
            internalIdLookup(),
            integer("maxAttempts").min(1),
            bool("ignoreExisting"),
            bool("ignoreMissing"),
            bool("retryUpdateAsAdd"),
            arrOf("lookups", lookup()),
            obj("mapping", mapping()),
            obj(
                "hooks",
                nsHook("preMap", "preMapping"),
                nsHook("postMap", "postMapping"),
                nsHook("postSubmit", null)));
  }
}
