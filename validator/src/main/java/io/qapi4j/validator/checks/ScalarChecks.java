package io.qapi4j.validator.checks;

import io.qapi4j.validator.SchemaElement;
import io.qapi4j.validator.ViolationCode;
import java.math.BigInteger;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
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

    @Override
    public void stream(JsonParser parser, Walk walk, @Nullable SchemaElement element) {
      Tokens.skip(parser, walk);
    }
  };

  /** {@code str}. */
  static final TypeCheck STR = new JsonKindCheck("string") {
    @Override
    boolean accepts(JsonNode v) {
      return v.isString();
    }

    @Override
    boolean accepts(JsonToken t) {
      return t == JsonToken.VALUE_STRING;
    }

    @Override
    public void stream(JsonParser parser, Walk walk, @Nullable SchemaElement element) {
      super.stream(parser, walk, element);
      if (parser.currentToken() == JsonToken.VALUE_STRING) {
        Tokens.decode(parser, walk);
      }
    }
  };

  /** {@code bool}. */
  static final TypeCheck BOOL = new JsonKindCheck("boolean") {
    @Override
    boolean accepts(JsonNode v) {
      return v.isBoolean();
    }

    @Override
    boolean accepts(JsonToken t) {
      return t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE;
    }
  };

  /** {@code null}. */
  static final TypeCheck NULL = new JsonKindCheck("null") {
    @Override
    boolean accepts(JsonNode v) {
      return v.isNull();
    }

    @Override
    boolean accepts(JsonToken t) {
      return t == JsonToken.VALUE_NULL;
    }
  };

  /** {@code number}: any JSON number, integers included. */
  static final TypeCheck NUMBER = new JsonKindCheck("number") {
    @Override
    boolean accepts(JsonNode v) {
      return v.isNumber();
    }

    @Override
    boolean accepts(JsonToken t) {
      return t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT;
    }
  };

  /** A check that only looks at the JSON kind of the value. */
  abstract static class JsonKindCheck extends TypeCheck {
    private final String expected;

    JsonKindCheck(String expected) {
      this.expected = expected;
    }

    abstract boolean accepts(JsonNode v);

    abstract boolean accepts(JsonToken t);

    @Override
    public void check(JsonNode value, Walk walk, @Nullable SchemaElement element) {
      if (!accepts(value)) {
        walk.report(ViolationCode.INVALID_TYPE, invalidType(walk, expected), element);
      }
    }

    @Override
    public void stream(JsonParser parser, Walk walk, @Nullable SchemaElement element) {
      if (!accepts(parser.currentToken())) {
        walk.report(ViolationCode.INVALID_TYPE, invalidType(walk, expected), element);
        Tokens.skip(parser, walk);
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
        notAnInt64(value.isIntegralNumber(), walk, element);
        return;
      }
      checkRange(value.longValue(), walk, element);
    }

    @Override
    public void stream(JsonParser parser, Walk walk, @Nullable SchemaElement element) {
      if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT
          || parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
        notAnInt64(parser.currentToken() == JsonToken.VALUE_NUMBER_INT, walk, element);
        Tokens.skip(parser, walk);
        return;
      }
      checkRange(parser.getLongValue(), walk, element);
    }

    private static void notAnInt64(boolean integral, Walk walk, @Nullable SchemaElement element) {
      ViolationCode code = integral ? ViolationCode.OUT_OF_RANGE : ViolationCode.INVALID_TYPE;
      walk.report(code, invalidType(walk, "integer"), element);
    }

    private void checkRange(long v, Walk walk, @Nullable SchemaElement element) {
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
        notAnInteger(walk, element);
      } else if (!value.canConvertToLong()) {
        checkBig(value.bigIntegerValue(), walk, element);
      } else {
        checkRange(value.longValue(), walk, element);
      }
    }

    @Override
    public void stream(JsonParser parser, Walk walk, @Nullable SchemaElement element) {
      if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT) {
        notAnInteger(walk, element);
        Tokens.skip(parser, walk);
      } else if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
        checkBig(parser.getBigIntegerValue(), walk, element);
      } else {
        checkRange(parser.getLongValue(), walk, element);
      }
    }

    private static void notAnInteger(Walk walk, @Nullable SchemaElement element) {
      walk.report(ViolationCode.INVALID_TYPE,
          "Parameter '" + walk.fullName(null) + "' expects uint64", element);
    }

    /** A value beyond int64. */
    private void checkBig(BigInteger big, Walk walk, @Nullable SchemaElement element) {
      if (big.compareTo(INT64_MIN) < 0 || big.compareTo(UINT64_MAX) > 0) {
        walk.report(ViolationCode.OUT_OF_RANGE,
            "Parameter '" + walk.fullName(null) + "' expects uint64", element);
      } else if (max != null) {
        walk.report(ViolationCode.OUT_OF_RANGE,
            "Parameter '" + walk.ownName() + "' expects " + cType, element);
      }
    }

    private void checkRange(long v, Walk walk, @Nullable SchemaElement element) {
      // A negative value wraps to at least 2^63, beyond every narrower type's range.
      if (max != null && (v < 0 || v > max)) {
        walk.report(ViolationCode.OUT_OF_RANGE,
            "Parameter '" + walk.ownName() + "' expects " + cType, element);
      }
    }
  }
}
