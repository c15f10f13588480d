package io.integrator.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The fields an object may hold, in documented order, with alias lookup. */
final class ObjectSchema {
  final Map<String, FieldSpec> fields = new LinkedHashMap<>();
  final Map<String, String> aliasToCanonical = new LinkedHashMap<>();
  /** Unknown fields are allowed (free content). */
  boolean open;
  /** Unknown object-valued fields are opaque provider blocks whose secret-looking values are masked. */
  boolean providerBlocks;
  /** Every value of the object (at any depth) is a secret. */
  boolean allSecret;

  static ObjectSchema of(FieldSpec... specs) {
    ObjectSchema s = new ObjectSchema();
    s.add(specs);
    return s;
  }

  static ObjectSchema of(List<FieldSpec> specs) {
    return of(specs.toArray(FieldSpec[]::new));
  }

  ObjectSchema add(FieldSpec... specs) {
    for (FieldSpec f : specs) {
      fields.put(f.name, f);
      for (String a : f.aliases) {
        aliasToCanonical.put(a, f.name);
      }
    }
    return this;
  }

  ObjectSchema open() {
    open = true;
    return this;
  }

  ObjectSchema providerBlocks() {
    providerBlocks = true;
    return this;
  }

  ObjectSchema allSecret() {
    allSecret = true;
    open = true;
    return this;
  }

  /** The spec for a canonical name, or null. */
  FieldSpec field(String name) {
    return fields.get(name);
  }
}
