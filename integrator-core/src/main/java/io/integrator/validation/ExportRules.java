package io.integrator.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.integrator.model.Export;
import io.integrator.spi.DocumentDateFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Export rules (REFERENCE §3) beyond the field shapes. */
final class ExportRules {
  /** Legacy pagingMethod and the rest.paging.method it means. */
  static final Map<String, String> LEGACY_PAGING =
      Map.of(
          "nextpageurl", "url",
          "pageargument", "page",
          "relativeuri", "relativeuri",
          "linkheader", "linkheader");

  private static final Map<String, String> LEGACY_COMPANION =
      Map.of(
          "nextpageurl", "nextPagePath",
          "pageargument", "pageArgument",
          "relativeuri", "nextPageRelativeURI");

  private ExportRules() {}

  static void check(Export e, ValidationContext ctx) {
    JsonNode d = e.json();
    String type = e.type();
    List<String> systems = new ArrayList<>();
    for (String s : List.of("rest", "http", "ftp", "netsuite")) {
      if (d.path(s).isObject()) {
        systems.add(s);
      }
    }
    if ("webhook".equals(type)) {
      if (d.has("_connectionId")) {
        ctx.error("_connectionId", "a webhook export receives records and has no connection; remove it");
      }
      for (String s : systems) {
        ctx.error(s, "a webhook export receives records; remove the " + s + " section");
      }
      webhook(d, ctx);
    } else {
      if (!Json.has(d, "_connectionId")) {
        ctx.required("_connectionId", "required field is missing");
      }
      if (d.has("webhook")) {
        ctx.error("webhook", "only exports of type webhook use this section; set type or remove it");
      }
    }
    if (systems.size() > 1) {
      ctx.error(
          systems.get(1),
          "an export reads from one system; keep either " + systems.get(0) + " or " + systems.get(1));
    }
    if (d.has("file") && !d.has("ftp")) {
      ctx.error("file", "only ftp exports read files; add an ftp section or remove file");
    }
    if ("delta".equals(type) || "tranlinedelta".equals(type)) {
      if (d.has("netsuite") && !Json.has(d, "delta.dateField")) {
        ctx.required("delta.dateField", "required for NetSuite delta exports");
      }
    }
    String dateFormat = Json.text(d, "delta.dateFormat");
    if (dateFormat != null && !dateFormat.isBlank()) {
      try {
        DocumentDateFormat.toPattern(dateFormat);
      } catch (IllegalArgumentException bad) {
        ctx.error("delta.dateFormat", bad.getMessage() + "; use tokens such as YYYY-MM-DDTHH:mm:ssZ");
      }
    }
    if ("once".equals(type) && !Json.has(d, "once.booleanField")) {
      ctx.required("once.booleanField", "required for exports of type once");
    }
    if (d.path("valueDelta").isObject()) {
      for (String f : List.of("pendingField", "exportedField")) {
        if (!Json.has(d, "valueDelta." + f)) {
          ctx.required("valueDelta." + f, "required for a value delta");
        }
      }
      if ("once".equals(type) || "test".equals(type)) {
        ctx.error("valueDelta", "exports of type " + type + " do not use a value delta; remove"
            + " valueDelta or the type");
      }
      if (!d.path("rest").isObject() && !d.path("http").isObject()) {
        ctx.error("valueDelta", "only REST and HTTP exports write a value delta back (with"
            + " rest.once); remove valueDelta");
      }
    }
    if ("distributed".equals(type) && !Json.has(d, "distributed.bearerToken")) {
      ctx.required("distributed.bearerToken", "required for exports of type distributed");
    }
    for (String s : List.of("rest", "http")) {
      if (d.path(s).isObject()) {
        paging(d.get(s), s, ctx);
      }
    }
  }

  private static void paging(JsonNode sec, String s, ValidationContext ctx) {
    String legacy = Json.text(sec, "pagingMethod");
    String method = Json.text(sec, "paging.method");
    if (legacy != null && LEGACY_COMPANION.containsKey(legacy) && method == null
        && !Json.has(sec, LEGACY_COMPANION.get(legacy))) {
      ctx.required(s + "." + LEGACY_COMPANION.get(legacy), "required when pagingMethod is " + legacy);
    }
    if (legacy != null && method != null && LEGACY_PAGING.containsKey(legacy)
        && !LEGACY_PAGING.get(legacy).equals(method)) {
      ctx.error(
          s + ".paging.method",
          "conflicts with " + s + ".pagingMethod " + legacy + " (which means "
              + LEGACY_PAGING.get(legacy) + " paging); keep one of them");
    }
    if (method != null) {
      List<String> needs =
          switch (method) {
            case "token" -> List.of("path", "pathLocation");
            case "url" -> List.of("path");
            case "relativeuri" -> List.of("relativeURI");
            case "body" -> List.of("body");
            default -> List.of();
          };
      for (String n : needs) {
        if (!Json.has(sec, "paging." + n)) {
          ctx.required(s + ".paging." + n, "required for " + method + " paging");
        }
      }
    }
  }

  private static void webhook(JsonNode d, ValidationContext ctx) {
    String verify = Json.text(d, "webhook.verify");
    if (verify == null) {
      ctx.required(
          "webhook.verify", "required for webhook exports (token, hmac, basic or secret_url)");
      return;
    }
    List<String> needs =
        switch (verify) {
          case "token" -> {
            String loc = Json.text(d, "webhook.tokenLocation");
            if ("header".equals(loc)) {
              yield List.of("token", "tokenHeaderName");
            } else if ("queryParam".equals(loc)) {
              yield List.of("token", "tokenQueryParamName");
            }
            yield List.of("token", "path");
          }
          case "hmac" -> List.of("key", "algorithm", "encoding", "header");
          case "basic" -> List.of("username", "password");
          case "secret_url" -> List.of("token");
          default -> List.of();
        };
    for (String n : needs) {
      if (!Json.has(d, "webhook." + n)) {
        ctx.required("webhook." + n, "required when webhook.verify is " + verify);
      }
    }
  }
}
