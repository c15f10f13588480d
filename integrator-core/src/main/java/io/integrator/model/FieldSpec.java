package io.integrator.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One field of a schema: name, type and flags. Built fluently by {@link Dsl}; immutable in use. */
final class FieldSpec {
  /** How enum values are compared and normalized. */
  enum CaseRule {
    EXACT,
    UPPER,
    LOWER
  }

  final String name;
  final FieldType type;
  ObjectSchema child;
  FieldType elementType = FieldType.ANY;
  List<String> enumValues = List.of();
  CaseRule caseRule = CaseRule.EXACT;
  final Map<String, String> valueAliases = new LinkedHashMap<>();
  final List<String> aliases = new ArrayList<>();
  boolean required;
  boolean secret;
  boolean readOnly;
  boolean hook;
  ResourceKind ref;
  /** For MAP_OR_ARRAY: the spec of each value in the object-map form, or null for free values. */
  FieldSpec mapValue;
  Long min;
  Long max;

  FieldSpec(String name, FieldType type) {
    this.name = name;
    this.type = type;
  }

  FieldSpec required() {
    required = true;
    return this;
  }

  FieldSpec secret() {
    secret = true;
    return this;
  }

  FieldSpec readOnly() {
    readOnly = true;
    return this;
  }

  FieldSpec hook() {
    hook = true;
    return this;
  }

  FieldSpec alias(String... names) {
    aliases.addAll(List.of(names));
    return this;
  }

  FieldSpec values(String... values) {
    enumValues = List.of(values);
    return this;
  }

  FieldSpec upper() {
    caseRule = CaseRule.UPPER;
    return this;
  }

  FieldSpec lower() {
    caseRule = CaseRule.LOWER;
    return this;
  }

  FieldSpec valueAlias(String alias, String canonical) {
    valueAliases.put(alias, canonical);
    return this;
  }

  FieldSpec min(long v) {
    min = v;
    return this;
  }

  FieldSpec max(long v) {
    max = v;
    return this;
  }

  FieldSpec mapValues(FieldSpec valueSpec) {
    mapValue = valueSpec;
    return this;
  }

  boolean isEnum() {
    return !enumValues.isEmpty();
  }

  /** Applies the case rule and value aliases; returns the canonical spelling. */
  String canonicalValue(String v) {
    String out =
        switch (caseRule) {
          case UPPER -> v.toUpperCase(Locale.ROOT);
          case LOWER -> v.toLowerCase(Locale.ROOT);
          case EXACT -> v;
        };
    return valueAliases.getOrDefault(out, out);
  }
}
