package io.integrator.netsuite;

/**
 * The {@code searchPreferences} SOAP header of a search call.
 *
 * @param pageSize rows per search page (NetSuite accepts 5 to 1000)
 * @param bodyFieldsOnly true to leave sublists out of the returned records
 * @param returnSearchColumns true for saved and advanced searches that return rows (columns)
 */
record SuiteTalkPreferences(int pageSize, boolean bodyFieldsOnly, boolean returnSearchColumns) {
  /** Clamps the page size to NetSuite's 5..1000. */
  SuiteTalkPreferences {
    pageSize = Math.max(5, Math.min(1000, pageSize));
  }
}
