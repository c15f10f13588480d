package io.integrator.netsuite;

import java.util.Map;

/**
 * The XML namespaces of one SuiteTalk version, built from the version string
 * ({@code urn:messages_2024_2.platform.webservices.netsuite.com} and so on), so the adaptor works
 * against any WSDL version without generated classes.
 */
final class SuiteTalkNamespaces {
  static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

  final String version;
  final String messages;
  final String core;
  final String common;
  final String faults;
  private final Map<String, String> byPrefix;

  SuiteTalkNamespaces(String version) {
    this.version = version;
    this.messages = platform("messages");
    this.core = platform("core");
    this.common = platform("common");
    this.faults = platform("faults");
    this.byPrefix = Map.ofEntries(
        Map.entry("platformMsgs", messages),
        Map.entry("platformCore", core),
        Map.entry("platformCommon", common),
        Map.entry("platformFaults", faults),
        Map.entry("listRel", ns("relationships", "lists")),
        Map.entry("listEmp", ns("employees", "lists")),
        Map.entry("listAcct", ns("accounting", "lists")),
        Map.entry("tranSales", ns("sales", "transactions")),
        Map.entry("tranPurch", ns("purchases", "transactions")),
        Map.entry("tranCust", ns("customers", "transactions")),
        Map.entry("setupCustom", ns("customization", "setup")));
  }

  /** The namespace URI bound to one of our fixed prefixes ({@code listRel}, {@code tranSales}...). */
  String uri(String prefix) {
    String u = byPrefix.get(prefix);
    if (u == null) {
      throw new IllegalArgumentException("unknown SuiteTalk namespace prefix " + prefix);
    }
    return u;
  }

  private String platform(String name) {
    return ns(name, "platform");
  }

  private String ns(String name, String area) {
    return "urn:" + name + "_" + version + "." + area + ".webservices.netsuite.com";
  }
}
