package io.qapi4j.model;

/** The JSON value kind a QAPI type takes on the wire, named as in introspection's json-type. */
public enum JsonType {
  /** A JSON string. */
  STRING("string"),
  /** Any JSON number. */
  NUMBER("number"),
  /** A JSON number without fraction or exponent. */
  INT("int"),
  /** {@code true} or {@code false}. */
  BOOLEAN("boolean"),
  /** {@code null}. */
  NULL("null"),
  /** Any JSON value. */
  VALUE("value"),
  /** A JSON object. */
  OBJECT("object"),
  /** A JSON array. */
  ARRAY("array");

  private final String introspectionName;

  JsonType(String introspectionName) {
    this.introspectionName = introspectionName;
  }

  /** The name introspection uses ({@code int}, {@code value}, ...). */
  public String introspectionName() {
    return introspectionName;
  }
}
