package io.integrator.model;

/** The JSON shape a schema field accepts. */
enum FieldType {
  /** A JSON string (numbers and booleans are turned into their text on load). */
  STRING,
  /** true or false ("true"/"false" strings are accepted on load). */
  BOOLEAN,
  /** A whole number (numeric strings are accepted on load). */
  INTEGER,
  /** Any number (numeric strings are accepted on load). */
  NUMBER,
  /** An object described by a child schema. */
  OBJECT,
  /** An object with free content (settings, query parameters, maps). */
  OPEN_OBJECT,
  /** Any JSON value (sampleData, hardCodedValue, postBody). */
  ANY,
  /** An array; its elements are described by the element type or the child schema. */
  ARRAY,
  /** A string, or an array (of strings, or of any value). */
  STRING_OR_ARRAY,
  /** An object map, or an array of objects described by the child schema. */
  MAP_OR_ARRAY,
  /** A hook reference: the hook's id, or {@code {"function": id, "configuration": {...}}}. */
  HOOK_REF
}
