package io.qapi4j.validator.checks;

import io.qapi4j.validator.SchemaElement;
import io.qapi4j.validator.ViolationCode;
import java.math.BigInteger;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** The checks of the built-in types, with QEMU's input visitor's rules and words. */
final class ScalarChecks {
  private ScalarChecks() {}

  private static final BigInteger INT64_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  /** {@code any}: every value. */
  static final TypeCheck ANY = new TypeCheck() {
    @Override
    public void check(JsonNode value, Walk walk, @Nullable SchemaElement element) {}
  };

  /** {@code str}. */
  static final TypeCheck STR = new JsonKindCheck("string") {
    @Override
    boolean accepts(JsonNode v) {
      return v.isString();
    }
  };

  /** {@code bool}. */
  static final TypeCheck BOOL = new JsonKindCheck("boolean") {
    @Override
    boolean accepts(JsonNode v) {
      return v.isBoolean();
    }
  };

  /** {@code null}. */
  static final TypeCheck NULL = new JsonKindCheck("null") {
    @Override
    boolean accepts(JsonNode v) {
      return v.isNull();
    }
  };

  /** {@code number}: any JSON number, integers included. */
  static final TypeCheck NUMBER = new JsonKindCheck("number") {
    @Override
    boolean accepts(JsonNode v) {
      return v.isNumber();
    }
  };

  /** A check that only looks at the JSON kind of the value. */
  abstract static class JsonKindCheck extends TypeCheck {
    private final String expected;

    JsonKindCheck(String expected) {
      this.expected = expected;
    }

    abstract boolean accepts(JsonNode v);

    @Override
    public void check(JsonNode value, Walk walk, @Nullable SchemaElement element) {
      if (!accepts(value)) {
        walk.report(ViolationCode.INVALID_TYPE, invalidType(walk, expected), element);
      }
    }
  }

  /**
   * A signed integer type. QEMU first reads an int64 ("expected: integer" when the value is not
   * an integer literal that fits), then checks the narrower range ("expects int8_t").
   */
  static final class SignedIntCheck extends TypeCheck {
    private final long min;
    private final long max;
    private final String cType;

    SignedIntCheck(long min, long max, String cType) {
      this.min = min;
      this.max = max;
      this.cType = cType;
    }

    @Override
    public void check(JsonNode value, Walk walk, @Nullable SchemaElement element) {
      if (!value.isIntegralNumber() || !value.canConvertToLong()) {
        ViolationCode code = value.isIntegralNumber() ? ViolationCode.OUT_OF_RANGE : ViolationCode.INVALID_TYPE;
        walk.report(code, invalidType(walk, "integer"), element);
        return;
      }
      long v = value.longValue();
      if (v < min || v > max) {
        walk.report(ViolationCode.OUT_OF_RANGE,
            "Parameter '" + walk.ownName() + "' expects " + cType, element);
      }
    }
  }

  /**
   * An unsigned integer type. QEMU reads a uint64, accepting negative int64 values for backward
   * compatibility ("expects uint64" otherwise), then checks the narrower range on the wrapped
   * value ("expects uint8_t"), so negatives fail every type but uint64 and size.
   */
  static final class UnsignedIntCheck extends TypeCheck {
    private final @Nullable Long max;
    private final String cType;

    /** {@code max} is {@code null} for the full 64-bit types. */
    UnsignedIntCheck(@Nullable Long max, String cType) {
      this.max = max;
      this.cType = cType;
    }

    @Override
    public void check(JsonNode value, Walk walk, @Nullable SchemaElement element) {
      if (!value.isIntegralNumber()) {
        walk.report(ViolationCode.INVALID_TYPE,
            "Parameter '" + walk.fullName(null) + "' expects uint64", element);
        return;
      }
      if (!value.canConvertToLong()) {
        BigInteger big = value.bigIntegerValue();
        if (big.compareTo(INT64_MIN) < 0 || big.compareTo(UINT64_MAX) > 0) {
          walk.report(ViolationCode.OUT_OF_RANGE,
              "Parameter '" + walk.fullName(null) + "' expects uint64", element);
        } else if (max != null) {
          walk.report(ViolationCode.OUT_OF_RANGE,
              "Parameter '" + walk.ownName() + "' expects " + cType, element);
        }
        return;
      }
      long v = value.longValue();
      // A negative value wraps to at least 2^63, beyond every narrower type's range.
      if (max != null && (v < 0 || v > max)) {
        walk.report(ViolationCode.OUT_OF_RANGE,
            "Parameter '" + walk.ownName() + "' expects " + cType, element);
      }
    }
  }
}
