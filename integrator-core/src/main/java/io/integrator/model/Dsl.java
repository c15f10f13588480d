package io.integrator.model;

/** Short factory methods that make the schema files read like the field tables. */
final class Dsl {
  private Dsl() {}

  static FieldSpec str(String name) {
    return new FieldSpec(name, FieldType.STRING);
  }

  static FieldSpec bool(String name) {
    return new FieldSpec(name, FieldType.BOOLEAN);
  }

  static FieldSpec integer(String name) {
    return new FieldSpec(name, FieldType.INTEGER);
  }

  static FieldSpec number(String name) {
    return new FieldSpec(name, FieldType.NUMBER);
  }

  static FieldSpec enm(String name, String... values) {
    return new FieldSpec(name, FieldType.STRING).values(values);
  }

  static FieldSpec obj(String name, FieldSpec... fields) {
    FieldSpec f = new FieldSpec(name, FieldType.OBJECT);
    f.child = ObjectSchema.of(fields);
    return f;
  }

  static FieldSpec obj(String name, ObjectSchema schema) {
    FieldSpec f = new FieldSpec(name, FieldType.OBJECT);
    f.child = schema;
    return f;
  }

  static FieldSpec open(String name) {
    return new FieldSpec(name, FieldType.OPEN_OBJECT);
  }

  static FieldSpec any(String name) {
    return new FieldSpec(name, FieldType.ANY);
  }

  /** An array of scalars of the given type. */
  static FieldSpec arr(String name, FieldType element) {
    FieldSpec f = new FieldSpec(name, FieldType.ARRAY);
    f.elementType = element;
    return f;
  }

  /** An array of objects. */
  static FieldSpec arrOf(String name, FieldSpec... fields) {
    return arrOf(name, ObjectSchema.of(fields));
  }

  static FieldSpec arrOf(String name, ObjectSchema schema) {
    FieldSpec f = new FieldSpec(name, FieldType.ARRAY);
    f.elementType = FieldType.OBJECT;
    f.child = schema;
    return f;
  }

  static FieldSpec strOrArr(String name) {
    return new FieldSpec(name, FieldType.STRING_OR_ARRAY);
  }

  static FieldSpec mapOrArr(String name, FieldSpec... fields) {
    FieldSpec f = new FieldSpec(name, FieldType.MAP_OR_ARRAY);
    f.child = ObjectSchema.of(fields);
    return f;
  }

  /** A string holding the id of another resource. */
  static FieldSpec ref(String name, ResourceKind kind) {
    FieldSpec f = str(name);
    f.ref = kind;
    return f;
  }

  /** An array of ids of other resources. */
  static FieldSpec refs(String name, ResourceKind kind) {
    FieldSpec f = arr(name, FieldType.STRING);
    f.ref = kind;
    return f;
  }

  /**
   * A hook reference ({@code hooks._preSavePageId}): the hook's id, or {@code {"function": id,
   * "configuration": {...}}}.
   */
  static FieldSpec hookId(String name) {
    FieldSpec f = new FieldSpec(name, FieldType.HOOK_REF).hook();
    f.child = ObjectSchema.of(str("function").required(), open("configuration"));
    return f;
  }

  /** The server-assigned fields every top-level resource has. */
  static FieldSpec[] common() {
    return new FieldSpec[] {
      str("_id").readOnly(), str("lastModified").readOnly(), str("createdAt").readOnly()
    };
  }
}
