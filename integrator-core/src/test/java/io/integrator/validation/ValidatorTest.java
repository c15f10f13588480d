package io.integrator.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.integrator.model.Resource;
import io.integrator.model.ResourceKind;
import io.integrator.model.Resources;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each kind of problem, as the exact line a user sees. */
class ValidatorTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-31T10:00:00Z"), ZoneOffset.UTC);
  private static final Validator V = Validator.builder().clock(CLOCK).build();

  private static List<String> lines(ResourceKind kind, String source, String json) {
    Resource r = Resources.parse(kind, json, source);
    return V.validate(r, source).lines();
  }

  private static List<String> export(String json) {
    return lines(ResourceKind.EXPORT, "exports/my-export.json", json);
  }

  private static List<String> imp(String json) {
    return lines(ResourceKind.IMPORT, "imports/my-import.json", json);
  }

  private static List<String> connection(String json) {
    return lines(ResourceKind.CONNECTION, "connections/c.json", json);
  }

  private static List<String> flow(String json) {
    return lines(ResourceKind.FLOW, "flows/f.json", json);
  }

  @Test
  void enumValuesAreListed() {
    assertThat(export("{\"_connectionId\":\"c\",\"rest\":{\"relativeURI\":\"/x\",\"method\":\"PATCH\"}}"))
        .containsExactly("exports/my-export.json: rest.method: must be one of GET, POST");
  }

  @Test
  void unknownFieldsSuggestTheClosestName() {
    assertThat(export("{\"_connectionId\":\"c\",\"pagesize\":5}"))
        .containsExactly(
            "exports/my-export.json: pagesize: unknown field; did you mean pageSize? (known fields: _id,"
                + " lastModified, createdAt, name, _connectionId, apiIdentifier, _integrationId,"
                + " _connectorId, asynchronous, type, pageSize, preserveOrder, sampleData, test, delta,"
                + " once, valueDelta, webhook, distributed, hooks, rest, http, ftp, file, netsuite)");
    assertThat(export("{\"_connectionId\":\"c\",\"rest\":{\"relativeURI\":\"/x\",\"colour\":1}}").get(0))
        .startsWith("exports/my-export.json: rest.colour: unknown field; check the spelling or remove it (known fields: relativeURI, method,");
    assertThat(imp("{\"_connectionId\":\"c\",\"mapping\":{\"fields\":[{\"extract\":\"a\",\"generate\":\"b\",\"lookupNmae\":\"x\"}]}}").get(0))
        .startsWith("imports/my-import.json: mapping.fields[0].lookupNmae: unknown field; did you mean lookupName?");
  }

  @Test
  void requiredFieldsAndTypes() {
    assertThat(export("{\"pageSize\":0,\"test\":{\"limit\":101},\"rest\":{}}"))
        .containsExactly(
            "exports/my-export.json: pageSize: must be at least 1",
            "exports/my-export.json: test.limit: must be between 1 and 100",
            "exports/my-export.json: rest.relativeURI: required field is missing",
            "exports/my-export.json: _connectionId: required field is missing");
    assertThat(imp("{\"name\":5,\"_connectionId\":\"c\",\"mapping\":{\"fields\":{}}}"))
        .containsExactly(
            "imports/my-import.json: mapping.fields: must be an array");
  }

  @Test
  void webhookExportsHaveNoConnection() {
    assertThat(export("{\"type\":\"webhook\",\"_connectionId\":\"c\",\"webhook\":{\"verify\":\"hmac\",\"key\":\"k\"}}"))
        .containsExactly(
            "exports/my-export.json: _connectionId: a webhook export receives records and has no connection; remove it",
            "exports/my-export.json: webhook.algorithm: required when webhook.verify is hmac",
            "exports/my-export.json: webhook.encoding: required when webhook.verify is hmac",
            "exports/my-export.json: webhook.header: required when webhook.verify is hmac");
    assertThat(export("{\"type\":\"webhook\",\"webhook\":{\"verify\":\"token\",\"token\":\"t\",\"path\":\"token\"}}")).isEmpty();
  }

  @Test
  void exportTypeCombinations() {
    assertThat(export("{\"_connectionId\":\"c\",\"type\":\"delta\",\"netsuite\":{\"type\":\"search\"}}"))
        .containsExactly("exports/my-export.json: delta.dateField: required for NetSuite delta exports");
    assertThat(export("{\"_connectionId\":\"c\",\"type\":\"once\"}"))
        .containsExactly("exports/my-export.json: once.booleanField: required for exports of type once");
    assertThat(export("{\"_connectionId\":\"c\",\"type\":\"simple\"}"))
        .containsExactly("exports/my-export.json: type: must be one of delta, once, test, webhook, distributed, tranlinedelta");
    assertThat(export("{\"_connectionId\":\"c\",\"rest\":{\"relativeURI\":\"/x\"},\"ftp\":{\"directoryPath\":\"/in\"}}"))
        .containsExactly("exports/my-export.json: ftp: an export reads from one system; keep either rest or ftp");
    assertThat(export("{\"_connectionId\":\"c\",\"type\":\"delta\",\"delta\":{\"dateFormat\":\"YYYY-MM-DD qq\"}}"))
        .containsExactly("exports/my-export.json: delta.dateFormat: unknown date token 'q' in \"YYYY-MM-DD qq\";"
            + " use tokens such as YYYY-MM-DDTHH:mm:ssZ");
  }

  @Test
  void pagingConflicts() {
    assertThat(export("{\"_connectionId\":\"c\",\"rest\":{\"relativeURI\":\"/x\",\"pagingMethod\":\"nextpageurl\",\"nextPagePath\":\"next\",\"paging\":{\"method\":\"page\"}}}"))
        .containsExactly(
            "exports/my-export.json: rest.paging.method: conflicts with rest.pagingMethod nextpageurl (which means url paging); keep one of them");
    assertThat(export("{\"_connectionId\":\"c\",\"rest\":{\"relativeURI\":\"/x\",\"pagingMethod\":\"pageargument\"}}"))
        .containsExactly("exports/my-export.json: rest.pageArgument: required when pagingMethod is pageargument");
    assertThat(export("{\"_connectionId\":\"c\",\"http\":{\"relativeURI\":\"/x\",\"paging\":{\"method\":\"token\",\"path\":\"next\"}}}"))
        .containsExactly("exports/my-export.json: http.paging.pathLocation: required for token paging");
  }

  @Test
  void mappingCombinations() {
    assertThat(imp("{\"_connectionId\":\"c\",\"mapping\":{\"fields\":["
            + "{\"extract\":\"a\",\"generate\":\"x\",\"hardCodedValue\":1},"
            + "{\"extract\":\"lines[*].sku\",\"generate\":\"sku\"},"
            + "{\"generate\":\"empty\"},"
            + "{\"extract\":\"b\",\"generate\":\"x\"},"
            + "{\"extract\":\"c\",\"generate\":\"x.y\"}],"
            + "\"lists\":[{\"generate\":\"item\",\"fields\":[{\"extract\":\"l[*].a\",\"generate\":\"a\"}]},"
            + "{\"generate\":\"item\",\"fields\":[]}]}}"))
        .containsExactly(
            "imports/my-import.json: mapping.fields[0]: hardCodedValue and extract cannot be used together; keep one of them",
            "imports/my-import.json: mapping.fields[1].extract: [*] is allowed only inside mapping.lists; move this field into a list or pick one element (e.g. lines.0.sku)",
            "imports/my-import.json: mapping.fields[2]: needs extract, hardCodedValue or lookupName to give the field a value",
            "imports/my-import.json: mapping.fields[4].generate: \"x.y\" writes inside \"x\", which mapping.fields[3] already uses as a value",
            "imports/my-import.json: mapping.lists[1].generate: two lists with the same generate \"item\" (also mapping.lists[0]); merge their fields into one list",
            "imports/my-import.json: warning: mapping.fields[3].generate: same generate as mapping.fields[0]; the last one wins");
  }

  @Test
  void lookupNamesMustNameALookup() {
    assertThat(imp("{\"_connectionId\":\"c\",\"rest\":{\"relativeURI\":\"/x\",\"lookups\":["
            + "{\"name\":\"a\",\"map\":{\"x\":\"y\"}},{\"name\":\"a\",\"relativeURI\":\"/q\",\"extract\":\"id\"},{\"name\":\"b\"}]},"
            + "\"mapping\":{\"fields\":[{\"extract\":\"e\",\"generate\":\"g\",\"lookupName\":\"c\"}]}}"))
        .containsExactly(
            "imports/my-import.json: rest.lookups[1].name: duplicate lookup name a (also rest.lookups[0]); lookup names must be unique",
            "imports/my-import.json: rest.lookups[2]: a lookup needs map (static), relativeURI (REST) or recordType (NetSuite)",
            "imports/my-import.json: mapping.fields[0].lookupName: no lookup named c in this document (defined: a, a, b)");
    assertThat(imp("{\"_connectionId\":\"c\",\"mapping\":{\"fields\":[{\"extract\":\"e\",\"generate\":\"g\",\"lookupName\":\"c\"}]}}"))
        .containsExactly(
            "imports/my-import.json: warning: mapping.fields[0].lookupName: no lookup named c in this document (none are defined)");
  }

  @Test
  void ignoreExistingNeedsAWayToCheckExistence() {
    assertThat(imp("{\"_connectionId\":\"c\",\"ignoreExisting\":\"true\",\"rest\":{\"relativeURI\":\"/x\",\"method\":\"POST\"}}"))
        .containsExactly(
            "imports/my-import.json: ignoreExisting: needs a way to check whether the record exists: set rest.ignoreExtract or rest.ignoreLookupName (REST) or internalIdLookup (NetSuite)");
    assertThat(imp("{\"_connectionId\":\"c\",\"ignoreExisting\":true,\"rest\":{\"relativeURI\":\"/x\",\"ignoreExtract\":\"id\"}}")).isEmpty();
  }

  @Test
  void compositeUpdateEntryPlaceholdersCheckExistenceAndExistenceLookupsMustAskTheDestination() {
    assertThat(imp("{\"_connectionId\":\"c\",\"ignoreExisting\":true,\"rest\":{"
        + "\"relativeURI\":[\"/c/{cust}\",\"/c\"],\"method\":[\"PUT\",\"POST\"],"
        + "\"lookups\":[{\"name\":\"cust\",\"relativeURI\":\"/c?e={email}\",\"extract\":\"0.id\"}]}}"))
        .isEmpty();
    assertThat(imp("{\"_connectionId\":\"c\",\"ignoreMissing\":true,\"rest\":{\"relativeURI\":\"/x\","
        + "\"ignoreLookupName\":\"codes\",\"lookups\":[{\"name\":\"codes\",\"map\":{\"a\":\"b\"}}]}}"))
        .containsExactly("imports/my-import.json: rest.ignoreLookupName: lookup codes only has a map;"
            + " an existence check needs a lookup that asks the destination (relativeURI)");
    assertThat(imp("{\"_connectionId\":\"c\",\"rest\":{\"relativeURI\":[\"/x/{codes}\",\"/x\"],"
        + "\"lookups\":[{\"name\":\"codes\",\"map\":{\"a\":\"b\"}}]}}"))
        .containsExactly("imports/my-import.json: rest.relativeURI[0]: {codes} names lookup codes,"
            + " which only has a map; a request placeholder needs a lookup that asks the destination"
            + " (relativeURI)");
  }

  @Test
  void netsuiteImportRules() {
    assertThat(imp("{\"_connectionId\":\"c\",\"netsuite\":{\"recordType\":\"SalesOrder\",\"operation\":\"update\","
            + "\"lookups\":[{\"name\":\"l\",\"recordType\":\"Customer\",\"expression\":\"[]\"}]},"
            + "\"mapping\":{\"fields\":[{\"extract\":\"a\",\"generate\":\"custbody_x\"}]}}"))
        .containsExactly(
            "imports/my-import.json: netsuite.lookups[0].expression: expressions are supported only by distributed (NetSuite-side) imports; use searchField",
            "imports/my-import.json: netsuite.internalIdLookup: required when operation is update",
            "imports/my-import.json: mapping.fields[0].generate: custom field custbody_x needs its type in netsuite.customFieldMetadata (e.g. {\"field\": \"custbody_x\", \"type\": \"_freeFormText\"})");
  }

  @Test
  void restImportMethodAndUriArraysArePaired() {
    assertThat(imp("{\"_connectionId\":\"c\",\"rest\":{\"relativeURI\":[\"/a/{id}\",\"/a\"],\"method\":[\"put\"]}}"))
        .containsExactly(
            "imports/my-import.json: rest.method: has 1 entries but rest.relativeURI has 2; they are paired by position");
    assertThat(imp("{\"_connectionId\":\"c\",\"rest\":{\"relativeURI\":\"/a\",\"method\":\"GET\"}}"))
        .containsExactly("imports/my-import.json: rest.method: must be one of POST, PUT, DELETE, PATCH");
  }

  @Test
  void deltaPlaceholdersAreRejectedInImports() {
    assertThat(imp("{\"_connectionId\":\"c\",\"mapping\":{\"fields\":[{\"hardCodedValue\":\"{{lastExportDateTime}}\",\"generate\":\"since\"}]}}"))
        .containsExactly(
            "imports/my-import.json: mapping.fields[0].hardCodedValue: delta placeholders ({{lastExportDateTime}}, {{currentExportDateTime}}) work only in export requests");
  }

  @Test
  void aValueDeltaNeedsBothFieldsAndNoOnceType() {
    assertThat(export("""
        {"_connectionId": "c", "rest": {"relativeURI": "/x"},
         "valueDelta": {"exportedField": "syncedVersion", "pendingField": "version"}}"""))
        .isEmpty();
    assertThat(export("""
        {"_connectionId": "c", "type": "once", "once": {"booleanField": "done"},
         "rest": {"relativeURI": "/x"}, "valueDelta": {"pendingField": "version"}}"""))
        .containsExactly(
            "exports/my-export.json: valueDelta.exportedField: required for a value delta",
            "exports/my-export.json: valueDelta: exports of type once do not use a value delta;"
                + " remove valueDelta or the type");
    assertThat(export("""
        {"_connectionId": "c", "ftp": {"directoryPath": "/in"}, "file": {"type": "csv"},
         "valueDelta": {"exportedField": "synced", "pendingField": "version"}}"""))
        .contains("exports/my-export.json: valueDelta: only REST and HTTP exports write a value"
            + " delta back (with rest.once); remove valueDelta");
  }

  @Test
  void aTargetConcurrencyLevelWithoutAutoRecoveryIsWarnedToHaveNoEffect() {
    assertThat(connection("""
        {"type": "http", "http": {"baseURI": "https://a.test", "mediaType": "json",
         "autoRecoverRateLimitErrors": true, "targetConcurrencyLevel": 4}}""")).isEmpty();
    assertThat(connection("""
        {"type": "http", "http": {"baseURI": "https://a.test", "mediaType": "json",
         "targetConcurrencyLevel": 4}}"""))
        .containsExactly("connections/c.json: warning: http.targetConcurrencyLevel: has no effect"
            + " unless http.autoRecoverRateLimitErrors is true");
  }

  @Test
  void connectionRules() {
    assertThat(connection("{\"type\":\"rest\",\"ftp\":{\"hostURI\":\"h\",\"username\":\"u\",\"password\":\"p\"}}"))
        .containsExactly(
            "connections/c.json: ftp: a connection of type rest does not use an ftp section; remove it or change type",
            "connections/c.json: rest.baseURI: required field is missing",
            "connections/c.json: rest.mediaType: required field is missing");
    assertThat(connection("{\"type\":\"ftp\",\"ftp\":{\"hostURI\":\"ftp://h/in\",\"username\":\"u\",\"authKey\":\"k\"}}"))
        .containsExactly(
            "connections/c.json: ftp.password: required for ftp connections",
            "connections/c.json: ftp.authKey: only sftp uses a key; remove it or set ftp.type to sftp",
            "connections/c.json: warning: ftp.hostURI: the scheme and any path are ignored; give the host name only");
    assertThat(connection("{\"type\":\"wrapper\"}"))
        .containsExactly("connections/c.json: type: must be one of rest, http, ftp, sftp, netsuite");
    assertThat(connection("{\"name\":\"x\"}"))
        .containsExactly("connections/c.json: type: required field is missing");
  }

  @Test
  void debugDateAtMostOneHourAhead() {
    String base = "{\"type\":\"rest\",\"rest\":{\"baseURI\":\"https://x\",\"mediaType\":\"json\"},\"debugDate\":";
    assertThat(connection(base + "\"2026-01-31T10:59:00.000Z\"}")).isEmpty();
    assertThat(connection(base + "\"2026-01-31T11:00:01.000Z\"}"))
        .containsExactly("connections/c.json: debugDate: must be at most 1 hour ahead (debug logging stays on until then)");
    assertThat(connection(base + "\"tomorrow\"}"))
        .containsExactly("connections/c.json: debugDate: must be an ISO-8601 date-time such as 2026-01-31T10:00:00.000Z");
  }

  @Test
  void rateLimitNeedsConcurrencyOne() {
    assertThat(connection("{\"type\":\"http\",\"http\":{\"baseURI\":\"https://x\",\"mediaType\":\"json\",\"concurrencyLevel\":3,\"rateLimit\":{\"limit\":10}}}"))
        .containsExactly("connections/c.json: http.rateLimit.limit: a request limit needs a concurrency level of 1; set http.concurrencyLevel to 1");
  }

  @Test
  void netsuiteConnectionCredentials() {
    assertThat(connection("{\"type\":\"netsuite\",\"netsuite\":{\"authType\":\"token\",\"tokenId\":\"t\"}}"))
        .containsExactly(
            "connections/c.json: netsuite.account: required for token auth",
            "connections/c.json: netsuite.tokenSecret: required for token auth");
  }

  @Test
  void flowRules() {
    assertThat(flow("{\"_exportId\":\"e\",\"_importId\":\"i\",\"pageGenerators\":[{\"_exportId\":\"e\"}]}"))
        .containsExactly(
            "flows/f.json: _exportId: the simple form (_exportId, _importId) cannot be mixed with pageGenerators and pageProcessors; use pageGenerators and pageProcessors only");
    assertThat(flow("{\"name\":\"empty\"}"))
        .containsExactly(
            "flows/f.json: pageGenerators: a flow needs at least one page generator (or the simple form _exportId and _importId)");
    assertThat(flow("{\"pageGenerators\":[{\"_exportId\":\"e\"}],\"pageProcessors\":[{\"type\":\"import\",\"_exportId\":\"x\"}],"
            + "\"schedule\":\"*/10 * * * * *\",\"timezone\":\"Mars/Base\"}"))
        .containsExactly(
            "flows/f.json: pageProcessors[0]._importId: required for a processor of type import",
            "flows/f.json: pageProcessors[0]._exportId: a processor of type import uses _importId only; remove it",
            "flows/f.json: schedule: runs more often than once per minute; the seconds field must be ? or one second (0-59), e.g. \"? 0 2 ? * *\" for 02:00 every day",
            "flows/f.json: timezone: unknown time zone Mars/Base; use an IANA name like America/New_York");
    assertThat(flow("{\"pageGenerators\":[{\"_exportId\":\"e\",\"schedule\":\"0 2 * * *\"}]}"))
        .containsExactly(
            "flows/f.json: pageGenerators[0].schedule: must have six cron fields (seconds minutes hours day-of-month month day-of-week), e.g. \"? 0 2 ? * *\" for 02:00 every day");
    assertThat(flow("{\"pageGenerators\":[{\"_exportId\":\"e\"}],\"schedule\":\"? */5 * * * *\"}")).isEmpty();
  }

  @Test
  void distributedDocuments() {
    assertThat(lines(ResourceKind.DISTRIBUTED_EXPORT, "exports/e.distributed.json", "{\"type\":\"batch\",\"recordType\":\"SalesOrder\"}"))
        .containsExactly(
            "exports/e.distributed.json: searchId: required for batch distributed exports",
            "exports/e.distributed.json: warning: recordType: NetSuite-side record types are lowercase (salesorder)");
    assertThat(lines(ResourceKind.DISTRIBUTED_IMPORT, "imports/i.distributed.json",
            "{\"recordType\":\"salesorder\",\"operation\":\"addupdate\",\"hooks\":{\"preMapping\":{\"functionName\":\"f\",\"file\":\"1\"}}}"))
        .containsExactly(
            "imports/i.distributed.json: hooks.preMap.file: unknown field; check the spelling or remove it (known fields: fileInternalId, function)",
            "imports/i.distributed.json: internalIdLookup: required when operation is addupdate");
  }

  @Test
  void addedChecksRunAndExceptionsBecomeOneError() {
    DocumentCheck named = (r, ctx) -> ctx.warning("mapping", "checked " + r.kind().displayName());
    DocumentCheck broken = (r, ctx) -> { throw new IllegalStateException("boom"); };
    Validator v = Validator.builder().addCheck(named).addCheck(broken).build();
    Resource r = Resources.parse(ResourceKind.IMPORT, "{\"_connectionId\":\"c\"}", "x");
    List<String> out = v.validate(r, "imports/x.json").lines();
    assertThat(out).hasSize(2);
    assertThat(out.get(0)).isEqualTo("imports/x.json: warning: mapping: checked Import");
    assertThat(out.get(1)).startsWith("imports/x.json: check ").endsWith(" failed: java.lang.IllegalStateException: boom");
  }

  @Test
  void referencesAreCheckedOnlyForASet() {
    Resource e = Resources.parse(ResourceKind.EXPORT, "{\"_id\":\"e\",\"_connectionId\":\"nowhere\",\"_integrationId\":\"int\"}", "e");
    assertThat(V.validate(e, "exports/e.json").problems()).isEmpty();
    Map<String, Resource> set = new LinkedHashMap<>();
    set.put("exports/e.json", e);
    set.put("integrations/int.json", Resources.parse(ResourceKind.INTEGRATION, "{\"_id\":\"int\"}", "i"));
    assertThat(V.validate(ProjectResources.of(set)).lines())
        .containsExactly(
            "exports/e.json: _connectionId: no connection with id nowhere in this project (a file connections/nowhere.json or a document with that _id)");
  }

  @Test
  void sectionsMustFitTheConnectionType() {
    Map<String, Resource> set = new LinkedHashMap<>();
    set.put("connections/api.json", Resources.parse(ResourceKind.CONNECTION,
        "{\"_id\":\"api\",\"type\":\"rest\",\"rest\":{\"baseURI\":\"https://x\",\"mediaType\":\"json\"}}", "c"));
    set.put("exports/e.json", Resources.parse(ResourceKind.EXPORT,
        "{\"_id\":\"e\",\"_connectionId\":\"api\",\"netsuite\":{\"type\":\"search\"}}", "e"));
    set.put("imports/i.json", Resources.parse(ResourceKind.IMPORT, "{\"_id\":\"i\",\"_connectionId\":\"api\"}", "i"));
    assertThat(V.validate(ProjectResources.of(set)).lines())
        .containsExactly(
            "exports/e.json: netsuite: does not fit connection api, whose type is rest; use a rest section or another connection",
            "imports/i.json: rest: an import over a rest connection needs a rest section");
  }

  @Test
  void compositeHttpImportRules() {
    assertThat(imp("{\"_connectionId\":\"c\",\"http\":{\"relativeURI\":[\"/a/{id}\",\"/a\"],\"method\":[\"PUT\",\"POST\"],"
            + "\"requestType\":[\"update\"],\"batchSize\":\"10\"}}"))
        .containsExactly(
            "imports/my-import.json: http.batchSize: above 1 needs http.response.resourcePath to match results to records",
            "imports/my-import.json: http.requestType: has 1 entries but http.relativeURI has 2; they are paired by position");
  }

  @Test
  void sandboxAndProductionDoNotMixInAFlow() {
    Map<String, Resource> set = new LinkedHashMap<>();
    set.put("connections/sb.json", Resources.parse(ResourceKind.CONNECTION,
        "{\"_id\":\"sb\",\"type\":\"rest\",\"sandbox\":true,\"rest\":{\"baseURI\":\"https://sb\",\"mediaType\":\"json\"}}", "c"));
    set.put("connections/prod.json", Resources.parse(ResourceKind.CONNECTION,
        "{\"_id\":\"prod\",\"type\":\"rest\",\"rest\":{\"baseURI\":\"https://prod\",\"mediaType\":\"json\"}}", "c"));
    set.put("exports/e.json", Resources.parse(ResourceKind.EXPORT,
        "{\"_id\":\"e\",\"_connectionId\":\"sb\",\"rest\":{\"relativeURI\":\"/x\"}}", "e"));
    set.put("imports/i.json", Resources.parse(ResourceKind.IMPORT,
        "{\"_id\":\"i\",\"_connectionId\":\"prod\",\"rest\":{\"relativeURI\":\"/y\"}}", "i"));
    set.put("flows/f.json", Resources.parse(ResourceKind.FLOW, "{\"_id\":\"f\",\"_exportId\":\"e\",\"_importId\":\"i\"}", "f"));
    assertThat(V.validate(ProjectResources.of(set)).lines())
        .containsExactly(
            "flows/f.json: mixes sandbox connections (sb) with production connections (prod); use one environment per flow");
  }

  @Test
  void setRulesForDistributedDocumentsAndNetsuiteDelta() {
    Map<String, Resource> set = new LinkedHashMap<>();
    set.put("connections/ns.json", Resources.parse(ResourceKind.CONNECTION,
        "{\"_id\":\"ns\",\"type\":\"netsuite\",\"netsuite\":{\"account\":\"1\",\"tokenId\":\"t\",\"tokenSecret\":\"s\"}}", "c"));
    set.put("exports/delta.json", Resources.parse(ResourceKind.EXPORT,
        "{\"_id\":\"delta\",\"_connectionId\":\"ns\",\"type\":\"delta\"}", "e"));
    set.put("exports/gone.distributed.json", Resources.parse(ResourceKind.DISTRIBUTED_EXPORT,
        "{\"_id\":\"gone\",\"type\":\"realtime\",\"recordType\":\"customer\"}", "d"));
    set.put("imports/ns.json", Resources.parse(ResourceKind.IMPORT,
        "{\"_id\":\"ns-import\",\"_connectionId\":\"ns\",\"distributed\":true,\"ignoreExisting\":true}", "i"));
    set.put("imports/ns.distributed.json", Resources.parse(ResourceKind.DISTRIBUTED_IMPORT,
        "{\"_id\":\"ns-import\",\"recordType\":\"customer\",\"operation\":\"add\"}", "d"));
    assertThat(V.validate(ProjectResources.of(set)).lines())
        .containsExactly(
            "exports/delta.json: delta.dateField: required for NetSuite delta exports",
            "exports/gone.distributed.json: no export with id gone for this distributed document to belong to",
            "imports/ns.json: ignoreExisting: needs a way to check whether the record exists: set rest.ignoreExtract or rest.ignoreLookupName (REST) or internalIdLookup (NetSuite)");
  }

  @Test
  void referencesAndHookIdsAreListedBySchema() {
    Resource flow = Resources.parse(ResourceKind.FLOW,
        "{\"_integrationId\":\"int\",\"pageGenerators\":[{\"_exportId\":\"e\"}],"
            + "\"pageProcessors\":[{\"type\":\"import\",\"_importId\":\"i\",\"hooks\":{\"_postResponseMapId\":\"h\"}}]}", "f");
    assertThat(io.integrator.model.Schemas.references(ResourceKind.FLOW, flow.json()))
        .extracting(ref -> ref.path() + "=" + ref.target() + ":" + ref.id())
        .containsExactly(
            "_integrationId=INTEGRATION:int",
            "pageGenerators[0]._exportId=EXPORT:e",
            "pageProcessors[0]._importId=IMPORT:i");
    assertThat(io.integrator.model.Schemas.hookIds(ResourceKind.FLOW, flow.json()))
        .containsExactly(Map.entry("pageProcessors[0].hooks._postResponseMapId", "h"));
  }

  @Test
  void mapFormsOfHeadersAndCustomFieldMetadataAreChecked() {
    assertThat(export("{\"_connectionId\":\"c\",\"rest\":{\"relativeURI\":\"/x\",\"headers\":{\"X-A\":\"1\",\"X-B\":{}},"
            + "\"pagingMethod\":\"linkheader\"},\"netsuite\":null}"))
        .containsExactly("exports/my-export.json: rest.headers.X-B: must be a string");
    assertThat(imp("{\"_connectionId\":\"c\",\"netsuite\":{\"recordType\":\"SalesOrder\",\"operation\":\"add\","
            + "\"customFieldMetadata\":{\"custbody_a\":{\"type\":\"_freeFormText\"},\"custbody_b\":{}}},"
            + "\"mapping\":{\"fields\":[{\"extract\":\"a\",\"generate\":\"custbody_a\"}]}}"))
        .containsExactly("imports/my-import.json: netsuite.customFieldMetadata.custbody_b.type: required field is missing");
  }

  @Test
  void textIsParsedAndValidatedWithoutExceptions() {
    assertThat(V.validate(ResourceKind.EXPORT, "{\n  \"_connectionId\": \"c\",\n  \"pageSize\": ,\n}", "exports/e.json").lines())
        .containsExactly("exports/e.json: line 3, column 15: unexpected character ',': expected a JSON value");
    assertThat(V.validate(ResourceKind.EXPORT, "{\"_connectionId\": \"c\", \"pageSize\": \"0\"}", "exports/e.json").lines())
        .containsExactly("exports/e.json: pageSize: must be at least 1");
  }

  @Test
  void problemFormatting() {
    assertThat(Problem.error("exports/my-export.json", "rest.method", "must be one of GET, POST"))
        .hasToString("exports/my-export.json: rest.method: must be one of GET, POST");
    assertThat(Problem.warning("exports/x.json", "", "odd")).hasToString("exports/x.json: warning: odd");
    ValidationReport report = new ValidationReport(List.of(
        Problem.warning("a", "p", "w"), Problem.error("a", "p", "e")));
    assertThat(report.isValid()).isFalse();
    assertThat(report.errors()).hasSize(1);
    assertThat(report.warnings()).hasSize(1);
    assertThat(report).hasToString("a: warning: p: w\na: p: e");
  }
}
