package io.integrator.testkit;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Random;

/**
 * Faults the fake injects: the next N calls, then a seeded share of calls. A fault is a NetSuite
 * code; the detail element follows the code ({@code WS_REQUEST_BLOCKED} is an
 * {@code exceededRequestLimitFault}, {@code WS_CONCUR_SESSION_DISALLWD} an {@code
 * exceededConcurrentRequestLimitFault}, {@code INVALID_SESSION} an {@code invalidSessionFault}...).
 */
final class SuiteTalkFaults {
  private final Deque<String> next = new ArrayDeque<>();
  private Random random = new Random(1);
  private double share;
  private String shareCode;

  synchronized void next(int count, String code) {
    for (int i = 0; i < count; i++) {
      next.add(code);
    }
  }

  synchronized void share(double share, long seed, String code) {
    if (share < 0 || share > 1) {
      throw new IllegalArgumentException("share must be within 0..1, got " + share);
    }
    this.share = share;
    this.shareCode = code;
    this.random = new Random(seed);
  }

  synchronized void clear() {
    next.clear();
    share = 0;
    shareCode = null;
  }

  /** The fault code for this call, or null. */
  synchronized String pick() {
    if (!next.isEmpty()) {
      return next.poll();
    }
    return shareCode != null && random.nextDouble() < share ? shareCode : null;
  }

  /** The fault detail element NetSuite uses for a code. */
  static String faultElement(String code) {
    return switch (code) {
      case "WS_REQUEST_BLOCKED", "EXCEEDED_REQUEST_LIMIT" -> "exceededRequestLimitFault";
      case "WS_CONCUR_SESSION_DISALLWD", "WS_EXCEEDED_CONCUR_USERS_ALLOWD" ->
          "exceededConcurrentRequestLimitFault";
      case "INVALID_SESSION", "SESSION_TIMED_OUT", "INVALID_LOGIN_ATTEMPT" -> "invalidSessionFault";
      case "INVALID_LOGIN_CREDENTIALS" -> "invalidCredentialsFault";
      case "INSUFFICIENT_PERMISSION" -> "insufficientPermissionFault";
      default -> "unexpectedErrorFault";
    };
  }

  /** NetSuite's text for the well-known codes. */
  static String message(String code) {
    return switch (code) {
      case "WS_REQUEST_BLOCKED" -> "Request blocked: the request limit for this account was"
          + " exceeded.";
      case "WS_CONCUR_SESSION_DISALLWD" -> "Only one request may be made against a session at a"
          + " time";
      case "INVALID_SESSION" -> "Your connection has timed out. Please log in again.";
      case "SESSION_TIMED_OUT" -> "Session timed out.";
      case "INVALID_LOGIN_ATTEMPT" -> "Invalid login attempt.";
      case "UNEXPECTED_ERROR" -> "An unexpected error occurred.";
      default -> "Injected fault " + code + ".";
    };
  }
}
