package io.integrator.model;

import static io.integrator.model.Dsl.*;

/** Flow, Integration, Connector, IClient, Job, Job Error, Retry and Distributed Export fields. */
final class OtherSchemas {
  private OtherSchemas() {}

  static ObjectSchema flow() {
    return ObjectSchema.of(common())
        .add(
            str("name"),
            str("description"),
            ref("_integrationId", ResourceKind.INTEGRATION),
            ref("_connectorId", ResourceKind.CONNECTOR),
            ref("_exportId", ResourceKind.EXPORT),
            ref("_importId", ResourceKind.IMPORT),
            arrOf(
                "pageGenerators",
                str("_id").readOnly(),
                ref("_exportId", ResourceKind.EXPORT).required(),
                str("schedule"),
                bool("skipRetries")),
            arrOf(
                "pageProcessors",
                enm("type", "export", "import").lower().required(),
                ref("_exportId", ResourceKind.EXPORT),
                ref("_importId", ResourceKind.IMPORT),
                bool("proceedOnFailure"),
                obj("responseMapping", ImportSchema.mapping()),
                obj("hooks", hookId("_postResponseMapId").alias("postResponseMap"))),
            str("schedule"),
            str("timezone"),
            bool("disabled"),
            bool("skipRetries"),
            bool("runPageGeneratorsInParallel"));
  }

  static ObjectSchema integration() {
    return ObjectSchema.of(common())
        .add(
            str("name"),
            str("description"),
            str("readme"),
            str("tag"),
            ref("_connectorId", ResourceKind.CONNECTOR),
            enm("mode", "install", "settings", "uninstall").lower().readOnly(),
            arrOf(
                "install",
                str("name"),
                str("description"),
                str("imageURL"),
                bool("completed"),
                str("installerFunction"),
                str("uninstallerFunction"),
                ref("_connectionId", ResourceKind.CONNECTION),
                str("installURL")),
            any("settings"),
            str("version"),
            bool("updateInProgress"));
  }

  static ObjectSchema connector() {
    return ObjectSchema.of(common())
        .add(
            str("name"),
            str("description"),
            str("imageURL"),
            str("websiteURL"),
            str("contactEmail"),
            str("handle"),
            arr("applications", FieldType.STRING),
            bool("published"),
            bool("managed"),
            ref("_integrationId", ResourceKind.INTEGRATION),
            str("_stackId"),
            str("installerFunction"),
            str("updateFunction"),
            str("preUninstallFunction"),
            str("uninstallerFunction"),
            str("externalInstallerFunction"),
            refs("_sharedExportIds", ResourceKind.EXPORT),
            refs("_sharedImportIds", ResourceKind.IMPORT),
            arrOf(
                "_iClientIdMap",
                refs("_iClientIds", ResourceKind.ICLIENT),
                obj("connection", enm("type", "rest", "http", "ftp", "sftp", "netsuite").lower())),
            obj(
                "oAuthServerFlow",
                ref("_iClientId", ResourceKind.ICLIENT),
                bool("putConnection")),
            str("legacyId"),
            str("oauth2ResultsURL"),
            obj("repository", str("name")));
  }

  static ObjectSchema iclient() {
    return ObjectSchema.of(common())
        .add(
            str("name"),
            str("provider"),
            obj(
                "oauth2",
                str("clientId"),
                str("clientSecret").secret(),
                arr("scope", FieldType.STRING),
                str("scopeDelimiter"),
                str("redirectUri")),
            obj("netsuite", str("consumerKey").secret(), str("consumerSecret").secret()),
            str("_userId").readOnly())
        .providerBlocks();
  }

  static ObjectSchema job() {
    return ObjectSchema.of(common())
        .add(
            enm("type", "flow", "export", "import", "retry", "bulk_retry").lower(),
            enm(
                    "status",
                    "queued",
                    "running",
                    "completed",
                    "failed",
                    "canceling",
                    "canceled",
                    "retrying")
                .lower()
                .valueAlias("cancelled", "canceled")
                .valueAlias("cancelling", "canceling"),
            integer("numSuccess").min(0),
            integer("numError").min(0),
            integer("numIgnore").min(0),
            integer("numExport").min(0),
            integer("numPagesGenerated").min(0),
            integer("numPagesProcessed").min(0),
            ref("_integrationId", ResourceKind.INTEGRATION),
            ref("_flowId", ResourceKind.FLOW),
            ref("_exportId", ResourceKind.EXPORT),
            ref("_importId", ResourceKind.IMPORT),
            ref("_flowJobId", ResourceKind.JOB),
            ref("_retryOfJobId", ResourceKind.JOB),
            str("_userId"),
            integer("oIndex").min(0),
            str("startedAt"),
            str("endedAt"),
            integer("queueTime").min(0),
            bool("retriable"),
            arrOf("files", str("id"), str("host"), str("name")),
            arrOf("logs", str("id"), str("host")));
  }

  static ObjectSchema jobError() {
    return ObjectSchema.of(common())
        .add(
            ref("_jobId", ResourceKind.JOB),
            str("_userId"),
            str("code"),
            str("message"),
            enm(
                    "source",
                    "connection",
                    "application",
                    "internal",
                    "resource",
                    "lookup",
                    "mapping",
                    "pre_save_page_hook",
                    "pre_map_hook",
                    "post_map_hook",
                    "post_submit_hook",
                    "post_response_map_hook",
                    "post_aggregate_hook")
                .lower(),
            any("extract"),
            any("generate"),
            any("extracted"),
            any("generated"),
            str("exportDataURI"),
            str("importDataURI"),
            ref("_retryId", ResourceKind.RETRY),
            bool("resolved").alias("resolve"),
            bool("retry"),
            enm(
                    "classification",
                    "value",
                    "missing",
                    "connection",
                    "intermittent",
                    "rate_limit",
                    "too_large",
                    "parse",
                    "duplicate")
                .lower(),
            str("traceKey"));
  }

  static ObjectSchema retry() {
    return ObjectSchema.of(common())
        .add(
            enm("type", "object", "page", "file", "path").lower(),
            ref("_jobId", ResourceKind.JOB),
            obj("data", str("id"), str("host")));
  }

  static ObjectSchema distributedExport() {
    return ObjectSchema.of(str("_id").readOnly(), str("lastModified").readOnly())
        .add(
            enm("type", "realtime", "batch").lower(),
            str("recordType").required(),
            arr("executionContext", FieldType.STRING),
            arr("executionType", FieldType.STRING).values("create", "edit", "xedit").lower(),
            strOrArr("qualifier"),
            arr("sublists", FieldType.STRING),
            str("searchId"),
            obj("hooks", ImportSchema.nsHook("preSend", null)),
            any("settings"),
            bool("disabled"));
  }
}
