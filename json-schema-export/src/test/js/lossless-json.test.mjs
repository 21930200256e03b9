// node --test lossless-json.test.mjs
import test from "node:test";
import assert from "node:assert/strict";
import { parseLossless, floorToDouble } from "./lossless-json.mjs";

test("integers beyond 2^53 round toward -infinity", () => {
  assert.equal(floorToDouble(2n ** 63n - 1n) < 2 ** 63, true);
  assert.equal(floorToDouble(2n ** 63n), 2 ** 63);
  assert.equal(floorToDouble(2n ** 64n - 1n) < 2 ** 64, true);
  assert.equal(floorToDouble(-(2n ** 63n)), -(2 ** 63));
  assert.equal(floorToDouble(-(2n ** 63n) - 1n) < -(2 ** 63), true);
});

test("parses objects, arrays and strings like JSON.parse", () => {
  const text = '{"a": [1, -2.5e3, "x\\"y", true, false, null, {}], "b": {"c": []}, "__proto__": 1}';
  assert.deepEqual(parseLossless(text), JSON.parse(text));
  assert.equal(parseLossless(text).a.length, 7);
});

test("rejects trailing text", () => {
  assert.throws(() => parseLossless("{} x"));
});
