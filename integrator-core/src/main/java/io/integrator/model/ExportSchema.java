package io.integrator.model;

import static io.integrator.model.Dsl.*;

import java.util.ArrayList;
import java.util.List;

/** Export fields (REFERENCE §3), extensions included. */
final class ExportSchema {
  private ExportSchema() {}

  /** Export types accepted in {@code type}; {@code simple} is rejected (REFERENCE §3.2). */
  static final String[] TYPES = {
    "delta", "once", "test", "webhook", "distributed", "tranlinedelta"
  };

  static FieldSpec paging() {
    return obj(
        "paging",
        enm("method", "page", "skip", "token", "url", "linkheader", "relativeuri", "body")
            .lower()
            .required(),
        integer("page").min(0),
        integer("skip").min(0),
        str("maxPagePath"),
        str("maxCountPath"),
        str("token"),
        str("path"),
        enm("pathLocation", "body", "header").lower(),
        str("pathAfterFirstRequest"),
        str("linkHeaderRelation"),
        str("relativeURI"),
        any("body"),
        integer("lastPageStatusCode").min(100).max(599),
        str("lastPagePath"),
        arr("lastPageValues", FieldType.STRING),
        str("resourcePath"));
  }

  static List<FieldSpec> restFields() {
    return new ArrayList<>(
        List.of(
            str("relativeURI").required(),
            enm("method", "GET", "POST").upper(),
            ConnectionSchema.headers(),
            open("query"),
            any("postBody"),
            str("resourcePath"),
            enm("pagingMethod", "nextpageurl", "pageargument", "relativeuri", "linkheader")
                .lower(),
            str("nextPagePath"),
            str("pageArgument"),
            str("maxPagePath"),
            str("maxCountPath"),
            str("nextPageRelativeURI"),
            paging(),
            obj(
                "once",
                str("relativeURI"),
                enm("method", "POST", "PUT", "PATCH").upper(),
                any("postBody"))));
  }

  static FieldSpec csvRead() {
    return obj(
        "csv",
        str("columnDelimiter"),
        str("rowDelimiter"),
        bool("hasHeaderRow"),
        arr("keyColumns", FieldType.STRING),
        bool("trimSpaces"),
        integer("rowsToSkip").min(0));
  }

  static FieldSpec fixedWidth() {
    return obj(
        "fixedWidth",
        arrOf(
            "columns",
            str("name").required(),
            integer("start").min(1).required(),
            integer("length").min(1).required()));
  }

  static FieldSpec fileType() {
    return enm("type", "csv", "json", "xml", "fixed-width").lower().valueAlias("fixedwidth", "fixed-width");
  }

  static FieldSpec file() {
    return obj(
        "file",
        fileType(),
        str("encoding"),
        bool("skipDelete"),
        enm("compressionFormat", "gzip", "zip").lower(),
        csvRead(),
        obj("json", str("resourcePath")),
        obj("xml", str("resourcePath")),
        fixedWidth());
  }

  static FieldSpec ftp() {
    return obj(
        "ftp",
        str("directoryPath").required(),
        str("fileNameStartsWith"),
        str("fileNameEndsWith"),
        str("backupDirectoryPath"));
  }

  static FieldSpec netsuite() {
    return obj(
        "netsuite",
        enm("type", "search", "basicSearch", "metadata", "selectoption", "restlet"),
        arrOf(
            "searches",
            str("recordType"),
            str("searchId"),
            str("savedSearchId"),
            arr("criteria", FieldType.ANY)),
        obj("basicSearch", bool("bodyFieldsOnly"), integer("pageSize").min(1)),
        any("metadata"),
        any("selectoption"),
        mapOrArr("customFieldMetadata", str("field").required(), str("type").required())
            .mapValues(obj("value", str("type").required())),
        bool("skipGrouping"),
        bool("statsOnly"),
        bool("sortedByInternalId"),
        bool("groupByInternalId"));
  }

  static FieldSpec webhook() {
    return obj(
        "webhook",
        str("provider"),
        enm("verify", "token", "hmac", "basic", "secret_url").lower(),
        str("token").secret(),
        str("path"),
        enm("algorithm", "sha1", "sha256", "sha384", "sha512").lower(),
        enm("encoding", "hex", "base64").lower(),
        str("key").secret(),
        str("header"),
        str("username"),
        str("password").secret(),
        enm("tokenLocation", "body", "header", "queryParam"),
        str("tokenHeaderName"),
        enm("tokenHeaderScheme", "bearer", "custom", "none").lower(),
        str("customTokenScheme"),
        str("tokenQueryParamName"),
        enm("requestMediaType", "json", "xml", "urlencoded").lower(),
        str("pathToRecords"),
        bool("includeParentData"),
        integer("successStatusCode").min(200).max(299),
        any("successBody"),
        enm("successMediaType", "json", "xml", "plaintext").lower(),
        arr("successResponseHeaders", FieldType.ANY),
        any("challengeSuccessBody"),
        integer("challengeSuccessStatusCode").min(200).max(299),
        enm("challengeSuccessMediaType", "json", "xml", "plaintext").lower(),
        arr("challengeResponseHeaders", FieldType.ANY));
  }

  static ObjectSchema schema() {
    List<FieldSpec> http = restFields();
    return ObjectSchema.of(common())
        .add(
            str("name"),
            ref("_connectionId", ResourceKind.CONNECTION),
            str("apiIdentifier").readOnly(),
            ref("_integrationId", ResourceKind.INTEGRATION),
            ref("_connectorId", ResourceKind.CONNECTOR),
            bool("asynchronous"),
            enm("type", TYPES).lower(),
            integer("pageSize").min(1),
            bool("preserveOrder"),
            any("sampleData"),
            obj("test", integer("limit").min(1).max(100)),
            obj(
                "delta",
                str("dateField"),
                str("dateFormat"),
                integer("lagOffset"),
                str("startDate")),
            obj("once", str("booleanField")),
            obj("valueDelta", str("exportedField"), str("pendingField")),
            webhook(),
            obj("distributed", str("bearerToken").secret()),
            obj("hooks", hookId("_preSavePageId"), open("configuration")),
            obj("rest", ObjectSchema.of(restFields())),
            obj("http", ObjectSchema.of(http)),
            ftp(),
            file(),
            netsuite());
  }
}
