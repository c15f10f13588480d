package io.integrator.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.integrator.model.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Connection rules (REFERENCE §2) beyond the field shapes. */
final class ConnectionRules {
  private static final Map<String, Set<String>> SECTIONS =
      Map.of(
          "rest", Set.of("rest"),
          "http", Set.of("http", "rest"),
          "ftp", Set.of("ftp"),
          "sftp", Set.of("ftp"),
          "netsuite", Set.of("netsuite"));

  private ConnectionRules() {}

  static void check(Connection c, Clock clock, ValidationContext ctx) {
    JsonNode d = c.json();
    String type = c.type();
    Set<String> allowed = type == null ? null : SECTIONS.get(type);
    if (allowed != null) {
      for (String s : List.of("rest", "http", "ftp", "netsuite")) {
        if (d.path(s).isObject() && !allowed.contains(s)) {
          ctx.error(
              s,
              "a connection of type " + type + " does not use " + (s.equals("ftp") || s.equals("http") ? "an " : "a ") + s
                  + " section; remove it or change type");
        }
      }
    }
    if ("rest".equals(type) || "http".equals(type)) {
      String sec = "http".equals(type) && !d.has("http") && d.has("rest") ? "rest" : type;
      if (!d.path(sec).isObject()) {
        ctx.required(sec + ".baseURI", "required field is missing");
        ctx.required(sec + ".mediaType", "required field is missing");
      }
    } else if ("ftp".equals(type) || "sftp".equals(type)) {
      ftp(c, d, ctx);
    } else if ("netsuite".equals(type)) {
      netsuite(d, ctx);
    }
    String debug = Json.text(d, "debugDate");
    if (debug != null) {
      try {
        Instant until = OffsetDateTime.parse(debug).toInstant();
        if (until.isAfter(clock.instant().plus(Duration.ofHours(1)))) {
          ctx.error("debugDate", "must be at most 1 hour ahead (debug logging stays on until then)");
        }
      } catch (DateTimeParseException e) {
        ctx.error("debugDate", "must be an ISO-8601 date-time such as 2026-01-31T10:00:00.000Z");
      }
    }
    for (String prefix : List.of("", "http.")) {
      if (Json.has(d, prefix + "targetConcurrencyLevel")
          && !d.at("/" + (prefix + "autoRecoverRateLimitErrors").replace('.', '/')).asBoolean(false)) {
        ctx.warning(prefix + "targetConcurrencyLevel", "has no effect unless "
            + prefix + "autoRecoverRateLimitErrors is true");
      }
    }
    for (String p : List.of("rateLimit.limit", "http.rateLimit.limit")) {
      if (Json.has(d, p) && c.concurrencyLevel() != 1) {
        ctx.error(
            p,
            "a request limit needs a concurrency level of 1; set "
                + (d.has("http") ? "http" : "rest")
                + ".concurrencyLevel to 1");
      }
    }
  }

  private static void ftp(Connection c, JsonNode d, ValidationContext ctx) {
    if (!d.path("ftp").isObject()) {
      ctx.required("ftp.hostURI", "required field is missing");
      ctx.required("ftp.username", "required field is missing");
      return;
    }
    String flavour = c.ftpType();
    boolean password = Json.has(d, "ftp.password");
    boolean key = Json.has(d, "ftp.authKey");
    if ("sftp".equals(flavour)) {
      if (!password && !key) {
        ctx.required("ftp.password", "sftp needs ftp.password, ftp.authKey or both");
      }
    } else {
      if (!password) {
        ctx.required("ftp.password", "required for " + flavour + " connections");
      }
      if (key) {
        ctx.error("ftp.authKey", "only sftp uses a key; remove it or set ftp.type to sftp");
      }
    }
    if ("sftp".equals(c.type()) && "ftps".equals(Json.text(d, "ftp.type"))) {
      ctx.error("ftp.type", "conflicts with connection type sftp");
    }
    String host = Json.text(d, "ftp.hostURI");
    if (host != null && host.matches("(?i)^s?ftps?://.*")) {
      ctx.warning("ftp.hostURI", "the scheme and any path are ignored; give the host name only");
    }
  }

  private static void netsuite(JsonNode d, ValidationContext ctx) {
    if (!d.path("netsuite").isObject()) {
      ctx.required("netsuite", "a netsuite connection needs a netsuite section with credentials");
      return;
    }
    String auth = Json.text(d, "netsuite.authType");
    if (auth == null) {
      auth = Json.has(d, "netsuite.tokenId") ? "token" : Json.has(d, "netsuite.email") ? "basic" : null;
    }
    if (auth == null) {
      if (!Json.isTrue(d, "netsuite.useSsoLogin")) {
        ctx.required(
            "netsuite",
            "no credentials; set tokenId and tokenSecret (token auth) or email and password");
      }
    } else if (auth.equals("token")) {
      for (String f : List.of("account", "tokenId", "tokenSecret")) {
        if (!Json.has(d, "netsuite." + f)) {
          ctx.required("netsuite." + f, "required for token auth");
        }
      }
    } else if (auth.equals("basic")) {
      for (String f : List.of("email", "password")) {
        if (!Json.has(d, "netsuite." + f)) {
          ctx.required("netsuite." + f, "required for basic (email and password) login");
        }
      }
      ctx.warning(
          "netsuite.authType",
          "basic (email and password) login is refused by newer NetSuite endpoints; prefer token auth");
    }
    if (Json.isTrue(d, "netsuite.useSsoLogin")) {
      ctx.warning("netsuite.useSsoLogin", "single sign-on login is not supported; runs will fail");
    }
  }
}
