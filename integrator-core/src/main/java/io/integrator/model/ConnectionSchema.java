package io.integrator.model;

import static io.integrator.model.Dsl.*;

import java.util.ArrayList;
import java.util.List;

/** Connection fields (REFERENCE §2), extensions included. */
final class ConnectionSchema {
  private ConnectionSchema() {}

  /** Header list or map: {@code {"X-A":"1"}} or {@code [{"name":"X-A","value":"1"}]}. */
  static FieldSpec headers() {
    return mapOrArr("headers", str("name").required(), str("value")).mapValues(str("value"));
  }

  static FieldSpec ping() {
    return obj(
        "ping",
        str("relativeURI"),
        enm("method", "GET", "POST", "PUT", "HEAD").upper(),
        any("body"),
        str("successPath"),
        arr("successValues", FieldType.STRING),
        str("failPath"),
        arr("failValues", FieldType.STRING),
        str("errorPath"));
  }

  static FieldSpec rateLimit() {
    return obj(
        "rateLimit",
        integer("failStatusCode").min(100).max(599),
        str("failPath"),
        arr("failValues", FieldType.STRING),
        integer("limit").min(1),
        integer("windowMillis").min(1));
  }

  /** Limits-and-health extensions, valid at the top level and under {@code http}. */
  static List<FieldSpec> limits() {
    return List.of(
        rateLimit(),
        bool("autoRecoverRateLimitErrors"),
        integer("targetConcurrencyLevel").min(1),
        ref("_borrowConcurrencyFromConnectionId", ResourceKind.CONNECTION),
        ping());
  }

  static List<FieldSpec> restFields() {
    return new ArrayList<>(
        List.of(
            enm("mediaType", "json", "urlencoded", "xml", "csv").lower().required(),
            str("baseURI").required(),
            str("bearerToken").secret(),
            enm("tokenLocation", "header", "url").lower(),
            str("tokenParam"),
            str("authHeader"),
            str("authScheme"),
            obj("basicAuth", str("username"), str("password").secret()),
            arr("scope", FieldType.STRING),
            str("scopeDelimiter"),
            str("authURI"),
            str("refreshToken").secret(),
            ref("_iClientId", ResourceKind.ICLIENT),
            open("info").readOnly(),
            bool("disableStrictSSL"),
            str("retryHeader"),
            str("pingRelativeURI"),
            str("pingSuccessPath"),
            arr("pingSuccessValues", FieldType.STRING),
            enm("pingMethod", "GET", "POST").upper(),
            integer("concurrencyLevel").min(1),
            enm("authType", "basic", "token", "oauth", "custom").lower(),
            headers()));
  }

  static FieldSpec ftp() {
    return obj(
        "ftp",
        enm("type", "ftp", "sftp", "ftps").lower(),
        str("hostURI").required(),
        str("username").required(),
        integer("port").min(1).max(65535),
        str("password").secret(),
        str("authKey").secret(),
        str("passphrase").secret(),
        bool("usePassiveMode"),
        enm(
                "entryParserFtpClientConfig",
                "SYST_UNIX",
                "SYST_NT",
                "SYST_MVS",
                "SYST_VMS",
                "SYST_OS2",
                "SYST_OS400")
            .upper(),
        bool("userDirectoryIsRoot"),
        bool("useImplicitFtps"),
        bool("requireSocketReUse"),
        bool("enableHostVerification"),
        str("hostKeyFingerprint"),
        integer("concurrencyLevel").min(1));
  }

  static FieldSpec netsuite() {
    return obj(
        "netsuite",
        str("account").upper(),
        enm("environment", "production", "sandbox", "sandbox2.0", "beta").lower(),
        str("roleId"),
        str("roleName"),
        str("email"),
        str("password").secret(),
        str("companyId"),
        str("userId"),
        bool("useSsoLogin"),
        bool("requestLevelCredentials"),
        enm("authType", "basic", "token", "token-auto").lower(),
        str("tokenId").secret(),
        str("tokenSecret").secret(),
        ref("_iClientId", ResourceKind.ICLIENT),
        str("entityId"),
        str("tokenName"),
        str("applicationId"),
        str("wsdlVersion"),
        obj("dataCenterURLs", str("restDomain"), str("webservicesDomain"), str("systemDomain")),
        str("accountName"),
        integer("noOfSeats").min(0),
        integer("concurrencyLevelRESTlet").min(1),
        integer("concurrencyLevelWebServices").min(1),
        integer("concurrencyLevel").min(1));
  }

  static ObjectSchema schema() {
    List<FieldSpec> http = restFields();
    http.addAll(limits());
    ObjectSchema s =
        ObjectSchema.of(common())
            .add(
                str("name"),
                enm("type", "rest", "http", "ftp", "sftp", "netsuite").lower().required(),
                ref("_integrationId", ResourceKind.INTEGRATION),
                ref("_connectorId", ResourceKind.CONNECTOR),
                bool("offline").readOnly(),
                str("debugDate"),
                arrOf("queues", str("name"), integer("size")).readOnly(),
                bool("sandbox"),
                obj("rest", ObjectSchema.of(restFields())),
                obj("http", ObjectSchema.of(http)),
                ftp(),
                netsuite());
    s.add(limits().toArray(FieldSpec[]::new));
    s.add(obj("encrypted", new ObjectSchema().allSecret()), open("unencrypted"));
    return s;
  }
}
