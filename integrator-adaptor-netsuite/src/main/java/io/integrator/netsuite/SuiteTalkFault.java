package io.integrator.netsuite;

import io.integrator.spi.AdaptorException;
import io.integrator.spi.Classification;
import io.integrator.spi.LookupException;
import java.util.Locale;
import java.util.Set;

/**
 * A SuiteTalk call that failed as a whole: a SOAP fault with NetSuite's fault detail (code and
 * message), or no usable answer at all. It carries the job-error classification the engine needs:
 * throttling and concurrency faults are {@code rate_limit}, refused logins and tokens are {@code
 * connection} (the engine takes the connection offline), transport failures and NetSuite's
 * unexpected errors are {@code intermittent}, everything else is {@code value} with NetSuite's code.
 */
final class SuiteTalkFault extends Exception {
  private static final long serialVersionUID = 1L;

  private static final Set<String> RATE_LIMIT_CODES = Set.of(
      "WS_REQUEST_BLOCKED", "WS_CONCUR_SESSION_DISALLWD", "WS_EXCEEDED_CONCUR_USERS_ALLOWD",
      "EXCEEDED_REQUEST_LIMIT", "EXCEEDED_CONCURRENT_REQUEST_LIMIT", "EXCEEDED_PER_USER_CONCURRENT_REQUEST_LIMIT",
      "SSS_REQUEST_LIMIT_EXCEEDED");
  private static final Set<String> SESSION_CODES = Set.of("INVALID_SESSION", "SESSION_TIMED_OUT");
  private static final Set<String> LOGIN_CODES = Set.of(
      "INVALID_LOGIN_CREDENTIALS", "INVALID_LOGIN_ATTEMPT", "INVALID_LOGIN", "INVALID_ACCT",
      "INVALID_ROLE", "ACCT_DISABLED", "ACCT_TEMP_UNAVAILABLE", "USER_DISABLED", "INVALID_TOKEN",
      "LOGIN_DISABLED", "INVALID_CREDENTIALS");

  private final String code;
  private final String classification;

  SuiteTalkFault(String code, String message, String classification, Throwable cause) {
    super(message, cause);
    this.code = code;
    this.classification = classification;
  }

  /**
   * Classifies a NetSuite fault by its code and the detail element's name
   * ({@code exceededRequestLimitFault}, {@code invalidCredentialsFault}...).
   */
  static String classify(String code, String faultName) {
    String c = code == null ? "" : code.toUpperCase(Locale.ROOT);
    String f = faultName == null ? "" : faultName;
    if (RATE_LIMIT_CODES.contains(c) || f.startsWith("exceeded") && f.contains("Limit")
        || c.contains("CONCUR") || c.contains("REQUEST_LIMIT")) {
      return Classification.RATE_LIMIT;
    }
    if (SESSION_CODES.contains(c) || LOGIN_CODES.contains(c) || f.equals("invalidCredentialsFault")
        || f.equals("invalidSessionFault") || f.equals("invalidAccountFault")) {
      return Classification.CONNECTION;
    }
    if (c.equals("UNEXPECTED_ERROR") || f.equals("unexpectedErrorFault")) {
      return Classification.INTERMITTENT;
    }
    return Classification.VALUE;
  }

  /** True for faults that a fresh authentication may cure (an expired or invalid session). */
  boolean isSession() {
    return SESSION_CODES.contains(code);
  }

  String code() {
    return code;
  }

  String classification() {
    return classification;
  }

  /** The fault as the SPI's exception for readers and writers. */
  AdaptorException toAdaptorException() {
    return new AdaptorException(code, getMessage(), classification, null, this);
  }

  /** The fault as the SPI's exception for lookups. */
  LookupException toLookupException() {
    return new LookupException(code, getMessage(), classification, this);
  }
}
