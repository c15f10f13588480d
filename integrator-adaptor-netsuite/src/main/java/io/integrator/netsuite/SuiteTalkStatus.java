package io.integrator.netsuite;

import io.integrator.spi.Classification;
import java.util.Locale;
import org.w3c.dom.Element;

/**
 * A SuiteTalk {@code status} element: {@code isSuccess} and the first {@code statusDetail}'s code
 * and message, with the job-error classification of a failure.
 */
record SuiteTalkStatus(boolean success, String code, String message) {

  static SuiteTalkStatus of(Element status) {
    if (status == null) {
      return new SuiteTalkStatus(false, "parse", "NetSuite's answer has no status");
    }
    boolean ok = "true".equalsIgnoreCase(status.getAttribute("isSuccess"));
    Element detail = SoapXml.child(status, "statusDetail");
    String code = detail == null ? null : SoapXml.childText(detail, "code");
    String message = detail == null ? null : SoapXml.childText(detail, "message");
    return new SuiteTalkStatus(ok, code == null ? (ok ? "" : "UNKNOWN_ERROR") : code,
        message == null ? "" : message);
  }

  /** The classification of a failed status: duplicates, missing records, throttling, values. */
  String classification() {
    String c = code.toUpperCase(Locale.ROOT);
    if (c.startsWith("DUP_") || c.contains("DUPLICATE")) {
      return Classification.DUPLICATE;
    }
    if (c.equals("RCRD_DSNT_EXIST") || c.equals("RCRD_NOT_FOUND")) {
      return Classification.MISSING;
    }
    String f = SuiteTalkFault.classify(c, null);
    return f;
  }

  /** An HTTP-like status code for a failed record (REFERENCE §4.8: 422 for data errors). */
  int statusCode() {
    return switch (classification()) {
      case Classification.RATE_LIMIT -> 429;
      case Classification.INTERMITTENT -> 503;
      case Classification.CONNECTION -> 401;
      case Classification.DUPLICATE -> 409;
      default -> 422;
    };
  }
}
