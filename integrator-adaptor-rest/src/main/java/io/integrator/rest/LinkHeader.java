package io.integrator.rest;

import java.util.List;

/** Reads RFC 8288 {@code Link} headers: {@code <https://a/x?page=2>; rel="next", <...>; rel="last"}. */
final class LinkHeader {
  private LinkHeader() {}

  /**
   * The target of the first link whose {@code rel} holds {@code relation} (compared
   * case-sensitively), or null.
   */
  static String find(List<String> headerValues, String relation) {
    for (String header : headerValues) {
      int i = 0;
      while (i < header.length()) {
        int open = header.indexOf('<', i);
        if (open < 0) {
          break;
        }
        int close = header.indexOf('>', open);
        if (close < 0) {
          break;
        }
        String target = header.substring(open + 1, close).trim();
        int next = header.indexOf('<', close);
        String params = next < 0 ? header.substring(close + 1) : header.substring(close + 1, next);
        params = params.trim();
        if (params.endsWith(",")) {
          params = params.substring(0, params.length() - 1);
        }
        for (String p : params.split(";")) {
          String param = p.trim();
          int eq = param.indexOf('=');
          if (eq < 0 || !param.substring(0, eq).trim().equalsIgnoreCase("rel")) {
            continue;
          }
          String value = param.substring(eq + 1).trim();
          if (value.startsWith("\"") && value.endsWith("\"") && value.length() >= 2) {
            value = value.substring(1, value.length() - 1);
          }
          for (String rel : value.trim().split("\\s+")) {
            if (rel.equals(relation)) {
              return target;
            }
          }
        }
        i = next < 0 ? header.length() : next;
      }
    }
    return null;
  }
}
