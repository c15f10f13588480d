package io.integrator.netsuite;

/**
 * One record cannot be written as SuiteTalk XML (a custom field without metadata, a value of the
 * wrong type). The message names the field and what to do; the record fails alone.
 */
final class SuiteTalkRecordException extends Exception {
  private static final long serialVersionUID = 1L;

  SuiteTalkRecordException(String message) {
    super(message);
  }
}
