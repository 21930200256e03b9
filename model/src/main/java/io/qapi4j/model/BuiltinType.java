package io.qapi4j.model;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A built-in type, with its wire range.
 *
 * <p>The integer types know their declared range ({@link #minimum()}, {@link #maximum()}) and the
 * range QEMU actually accepts on input ({@link #wireMinimum()}): {@code uint64} and {@code size}
 * also take negative numbers, which wrap modulo 2<sup>64</sup>, for backward compatibility.
 *
 * @param name the QAPI name ({@code int8}, {@code str}, ...)
 * @param jsonType the JSON kind it takes
 * @param cType the C type QEMU's range errors name ({@code int8_t}, ...), or {@code null}
 * @param minimum smallest declared value of an integer type, or {@code null}
 * @param maximum largest declared value of an integer type, or {@code null}
 */
public record BuiltinType(
    String name,
    JsonType jsonType,
    @Nullable String cType,
    @Nullable BigInteger minimum,
    @Nullable BigInteger maximum)
    implements QapiType {

  private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

  /** {@code str}: any JSON string. */
  public static final BuiltinType STR = new BuiltinType("str", JsonType.STRING, "char *", null, null);
  /** {@code number}: any JSON number. */
  public static final BuiltinType NUMBER = new BuiltinType("number", JsonType.NUMBER, "double", null, null);
  /** {@code int}: a 64-bit signed integer. */
  public static final BuiltinType INT = signed("int", "int64_t", 64);
  /** {@code int8}. */
  public static final BuiltinType INT8 = signed("int8", "int8_t", 8);
  /** {@code int16}. */
  public static final BuiltinType INT16 = signed("int16", "int16_t", 16);
  /** {@code int32}. */
  public static final BuiltinType INT32 = signed("int32", "int32_t", 32);
  /** {@code int64}. */
  public static final BuiltinType INT64 = signed("int64", "int64_t", 64);
  /** {@code uint8}. */
  public static final BuiltinType UINT8 = unsigned("uint8", "uint8_t", 8);
  /** {@code uint16}. */
  public static final BuiltinType UINT16 = unsigned("uint16", "uint16_t", 16);
  /** {@code uint32}. */
  public static final BuiltinType UINT32 = unsigned("uint32", "uint32_t", 32);
  /** {@code uint64}: also accepts negative input (wrapping), as QEMU does. */
  public static final BuiltinType UINT64 = unsigned("uint64", "uint64_t", 64);
  /** {@code size}: a byte count, on the JSON wire exactly like {@code uint64}. */
  public static final BuiltinType SIZE = unsigned("size", "uint64_t", 64);
  /** {@code bool}: {@code true} or {@code false}. */
  public static final BuiltinType BOOL = new BuiltinType("bool", JsonType.BOOLEAN, "bool", null, null);
  /** {@code null}: only {@code null}. */
  public static final BuiltinType NULL = new BuiltinType("null", JsonType.NULL, "QNull *", null, null);
  /** {@code any}: any JSON value. */
  public static final BuiltinType ANY = new BuiltinType("any", JsonType.VALUE, "QObject *", null, null);

  private static final List<BuiltinType> ALL =
      List.of(STR, NUMBER, INT, INT8, INT16, INT32, INT64, UINT8, UINT16, UINT32, UINT64, SIZE, BOOL,
          NULL, ANY);

  private static final Map<String, BuiltinType> BY_NAME =
      ALL.stream().collect(Collectors.toUnmodifiableMap(BuiltinType::name, Function.identity()));

  /** Every built-in type, in QEMU's order. */
  public static List<BuiltinType> values() {
    return ALL;
  }

  /** The built-in type called {@code name}, if any. */
  public static Optional<BuiltinType> named(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  /** Whether this is one of the integer types. */
  public boolean isInteger() {
    return jsonType == JsonType.INT;
  }

  /** Whether this is a numeric type (an integer type or {@code number}). */
  public boolean isNumeric() {
    return jsonType == JsonType.INT || jsonType == JsonType.NUMBER;
  }

  /**
   * The smallest integer QEMU's JSON input accepts for this type: the declared minimum, except for
   * {@code uint64} and {@code size}, which take any value down to -2<sup>63</sup>.
   */
  public @Nullable BigInteger wireMinimum() {
    if (name.equals("uint64") || name.equals("size")) {
      return BigInteger.valueOf(Long.MIN_VALUE);
    }
    return minimum;
  }

  @Override
  public String describe() {
    return "built-in type '" + name + "'";
  }

  private static BuiltinType signed(String name, String cType, int bits) {
    BigInteger half = BigInteger.ONE.shiftLeft(bits - 1);
    return new BuiltinType(name, JsonType.INT, cType, half.negate(), half.subtract(BigInteger.ONE));
  }

  private static BuiltinType unsigned(String name, String cType, int bits) {
    BigInteger max = bits == 64 ? TWO_64.subtract(BigInteger.ONE) : BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
    return new BuiltinType(name, JsonType.INT, cType, BigInteger.ZERO, max);
  }
}
