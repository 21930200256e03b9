// A JSON parser that keeps integers exact until the last step: an integer literal beyond
// +-2^53 is read as a BigInt and rounded toward -infinity to the nearest double (floor), instead
// of JSON.parse's round-to-nearest. With exactly representable bounds, floor rounding preserves
// every verdict of an inclusive `minimum` and an exclusive `exclusiveMaximum`:
//   x >= min  <=>  floor(x) >= min   (min a double)
//   x <  max  <=>  floor(x) <  max   (max a double)
// (QEMU's uint64 maximum 2^64-1 is written as exclusiveMaximum 2^64, int64's as 2^63.)

const SAFE = 2n ** 53n;

export function floorToDouble(big) {
  let d = Number(big);
  if (BigInt(d) > big) d = nextDown(d);
  return d;
}

function nextDown(d) {
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, d);
  let bits = buf.getBigUint64(0);
  if (d > 0) bits -= 1n;
  else bits += 1n; // negative: a larger magnitude is smaller
  buf.setBigUint64(0, bits);
  return buf.getFloat64(0);
}

export function parseLossless(text) {
  let i = 0;
  const ws = () => { while (i < text.length && " \t\n\r".includes(text[i])) i++; };
  const fail = (what) => { throw new SyntaxError(`${what} at offset ${i}`); };
  function value() {
    ws();
    const c = text[i];
    if (c === "{") {
      i++;
      const o = {};
      ws();
      if (text[i] === "}") { i++; return o; }
      for (;;) {
        ws();
        if (text[i] !== '"') fail("expected a member name");
        const k = string();
        ws();
        if (text[i++] !== ":") fail("expected ':'");
        const v = value();
        Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
        ws();
        if (text[i] === ",") { i++; continue; }
        if (text[i] === "}") { i++; return o; }
        fail("expected ',' or '}'");
      }
    }
    if (c === "[") {
      i++;
      const a = [];
      ws();
      if (text[i] === "]") { i++; return a; }
      for (;;) {
        a.push(value());
        ws();
        if (text[i] === ",") { i++; continue; }
        if (text[i] === "]") { i++; return a; }
        fail("expected ',' or ']'");
      }
    }
    if (c === '"') return string();
    if (text.startsWith("true", i)) { i += 4; return true; }
    if (text.startsWith("false", i)) { i += 5; return false; }
    if (text.startsWith("null", i)) { i += 4; return null; }
    return number();
  }
  function string() {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
    if (i >= text.length) fail("unterminated string");
    i++;
    return JSON.parse(text.slice(start, i));
  }
  function number() {
    const m = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text.slice(i, i + 400));
    if (!m) fail("unexpected character");
    i += m[0].length;
    if (m[2] === undefined && m[3] === undefined) {
      const big = BigInt(m[0]);
      if (big > SAFE || big < -SAFE) return floorToDouble(big);
    }
    return Number(m[0]);
  }
  const v = value();
  ws();
  if (i !== text.length) fail("trailing text");
  return v;
}
