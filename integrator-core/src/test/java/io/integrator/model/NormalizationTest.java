package io.integrator.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.validation.Validator;
import org.junit.jupiter.api.Test;

class NormalizationTest {

  private static Resource parse(ResourceKind kind, String json) {
    return Resources.parse(kind, json, "test.json");
  }

  @Test
  void numericStringsBecomeNumbersWhereTheSchemaWantsThem() {
    Export e = (Export) parse(ResourceKind.EXPORT, "{\"_connectionId\":\"c\",\"pageSize\":\"100\",\"test\":{\"limit\":\" 5 \"}}");
    assertThat(e.json().get("pageSize").isInt()).isTrue();
    assertThat(e.pageSize()).isEqualTo(100);
    assertThat(e.testLimit()).isEqualTo(5);
  }

  @Test
  void numbersBecomeStringsWhereTheSchemaWantsStrings() {
    Resource r = parse(ResourceKind.DISTRIBUTED_EXPORT, "{\"recordType\":\"customer\",\"type\":\"batch\",\"searchId\":69422}");
    assertThat(r.json().get("searchId").textValue()).isEqualTo("69422");
  }

  @Test
  void enumCaseFollowsTheDocumentedSpelling() {
    Export e = (Export) parse(ResourceKind.EXPORT, "{\"_connectionId\":\"c\",\"rest\":{\"relativeURI\":\"/x\",\"method\":\"get\"}}");
    assertThat(e.json().at("/rest/method").textValue()).isEqualTo("GET");
    Connection c = (Connection) parse(ResourceKind.CONNECTION, "{\"type\":\"REST\",\"netsuite\":{\"account\":\"123456_sb1\"}}");
    assertThat(c.type()).isEqualTo("rest");
    assertThat(c.json().at("/netsuite/account").textValue()).isEqualTo("123456_SB1");
  }

  @Test
  void jobStatusCancelledIsReadAsCanceled() {
    Job j = (Job) parse(ResourceKind.JOB, "{\"type\":\"flow\",\"status\":\"cancelled\",\"numSuccess\":\"3\"}");
    assertThat(j.status()).isEqualTo("canceled");
    assertThat(j.numSuccess()).isEqualTo(3);
    assertThat(j.numError()).isZero();
  }

  @Test
  void jobErrorResolveIsReadAsResolved() {
    JobError e = (JobError) parse(ResourceKind.JOB_ERROR, "{\"_jobId\":\"j\",\"code\":422,\"resolve\":\"true\",\"_retryId\":\"r\"}");
    assertThat(e.json().toString()).isEqualTo("{\"_jobId\":\"j\",\"code\":\"422\",\"resolved\":true,\"_retryId\":\"r\"}");
    assertThat(e.isResolved()).isTrue();
    assertThat(e.isRetriable()).isFalse();
  }

  @Test
  void lookupAliasBecomesLookupNameInPlace() {
    Import i = (Import) parse(ResourceKind.IMPORT,
        "{\"_connectionId\":\"c\",\"mapping\":{\"lists\":[{\"generate\":\"item\",\"fields\":[{\"extract\":\"a[*].b\",\"lookup\":\"m\",\"generate\":\"x\"}]}]}}");
    assertThat(i.json().at("/mapping/lists/0/fields/0").toString())
        .isEqualTo("{\"extract\":\"a[*].b\",\"lookupName\":\"m\",\"generate\":\"x\"}");
  }

  @Test
  void aliasAndCanonicalTogetherAreKeptAndReported() {
    Import i = (Import) parse(ResourceKind.IMPORT,
        "{\"_connectionId\":\"c\",\"hooks\":{\"_preMapId\":\"a\",\"_preMappingId\":\"b\"}}");
    assertThat(i.preMapHookId()).isEqualTo("a");
    assertThat(Validator.defaults().validate(i, "imports/i.json").lines())
        .containsExactly(
            "imports/i.json: hooks._preMappingId: _preMappingId is another name for _preMapId, which is also set; keep only _preMapId");
  }

  @Test
  void iclientFlatFieldsMoveIntoOauth2() {
    IClient c = (IClient) parse(ResourceKind.ICLIENT,
        "{\"name\":\"x\",\"clientId\":\"id1\",\"clientSecret\":\"s1\",\"scope\":[\"a\"],\"provider\":\"custom\"}");
    assertThat(c.json().toString())
        .isEqualTo("{\"name\":\"x\",\"oauth2\":{\"clientId\":\"id1\",\"clientSecret\":\"s1\",\"scope\":[\"a\"]},\"provider\":\"custom\"}");
    assertThat(c.clientSecret()).isEqualTo("s1");
    assertThat(Validator.defaults().validate(c, "iclients/x.json").problems()).isEmpty();
  }

  @Test
  void iclientProviderBlocksAreOpaqueButScalarTyposAreNot() {
    IClient c = (IClient) parse(ResourceKind.ICLIENT,
        "{\"nmae\":\"x\",\"shopify\":{\"apiKey\":\"k\",\"anything\":[1]}}");
    assertThat(Validator.defaults().validate(c, "iclients/x.json").lines())
        .containsExactly(
            "iclients/x.json: nmae: unknown field; did you mean name? (known fields: _id, lastModified, createdAt, name, provider, oauth2, netsuite, _userId)");
  }

  @Test
  void valuesThatCannotBeNormalizedAreKeptAndReported() {
    Export e = (Export) parse(ResourceKind.EXPORT,
        "{\"_connectionId\":\"c\",\"pageSize\":\"many\",\"asynchronous\":\"yes\",\"rest\":{\"relativeURI\":\"/x\",\"method\":\"fetch\"}}");
    assertThat(e.json().get("pageSize").textValue()).isEqualTo("many");
    assertThat(e.pageSize()).isEqualTo(20);
    assertThat(e.json().at("/rest/method").textValue()).isEqualTo("fetch");
    assertThat(Validator.defaults().validate(e, "exports/e.json").lines())
        .containsExactly(
            "exports/e.json: pageSize: must be a whole number",
            "exports/e.json: asynchronous: must be true or false",
            "exports/e.json: rest.method: must be one of GET, POST");
  }

  @Test
  void normalizationCopiesTheInput() {
    ObjectNode in = ResourceJson.read("{\"_connectionId\":\"c\",\"pageSize\":\"7\"}", "x");
    Export e = (Export) Resources.of(ResourceKind.EXPORT, in);
    assertThat(in.get("pageSize").isTextual()).isTrue();
    in.put("name", "changed");
    assertThat(e.name()).isNull();
    e.json().put("name", "changed too");
    assertThat(e.name()).isNull();
  }

  @Test
  void integralFloatsBecomeWholeNumbersAndFractionsAreReported() {
    Export e = (Export) parse(ResourceKind.EXPORT, "{\"_connectionId\":\"c\",\"pageSize\":20.0,\"test\":{\"limit\":1.5}}");
    assertThat(e.json().get("pageSize").isInt()).isTrue();
    assertThat(Validator.defaults().validate(e, "exports/e.json").lines())
        .containsExactly("exports/e.json: test.limit: must be a whole number");
  }

  @Test
  void aLeadingByteOrderMarkIsIgnored() {
    assertThat(parse(ResourceKind.FLOW, "\uFEFF{\"name\":\"bom\"}").name()).isEqualTo("bom");
  }

  @Test
  void flowProcessorHookAliasBecomesTheHookIdField() {
    Flow f = (Flow) parse(ResourceKind.FLOW,
        "{\"pageGenerators\":[{\"_exportId\":\"e\"}],\"pageProcessors\":[{\"type\":\"import\",\"_importId\":\"i\",\"hooks\":{\"postResponseMap\":\"h1\"}}]}");
    assertThat(f.pageProcessors().get(0).get("hooks").toString()).isEqualTo("{\"_postResponseMapId\":\"h1\"}");
  }
}
