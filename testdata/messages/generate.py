#!/usr/bin/env python3
"""Writes suite.jsonl, qapi4j's own message suite, from the cases below.

    python3 testdata/messages/generate.py

Each case states the verdict QEMU's wire rules give (../shared/docs/qapi-language.md §8, §10,
§11) — never what some validator said. Messages are written as text so that big integers keep
their exact digits. Fields: id, schema (suite-qmp, suite-simple or seed-004; see README.md),
optional lenient / define (export options), target (a $defs key of the export, nested keys after
'/'), text, valid, why.
"""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = []
SEEN = set()


def case(id, target, message, valid, why, schema="suite-qmp", **options):
    assert id not in SEEN, id
    SEEN.add(id)
    text = message if isinstance(message, str) else json.dumps(message)
    json.loads(text)  # every message is JSON
    entry = {"id": id, "schema": schema}
    entry.update(options)
    entry.update({"target": target, "text": text, "valid": valid, "why": why})
    CASES.append(entry)


def cmd(name, arguments=None, **extra):
    m = {"execute": name}
    if arguments is not None:
        m["arguments"] = arguments
    m.update(extra)
    return m


def event(name, data=None, timestamp=None):
    m = {"event": name}
    if data is not None:
        m["data"] = data
    m["timestamp"] = timestamp if timestamp is not None else {"seconds": 1700000000, "microseconds": 123456}
    return m


# --- A. every integer width at min-1, min, max, max+1 --------------------------------------
WIDTHS = {
    "i8": ("int8", -2**7, 2**7 - 1), "i16": ("int16", -2**15, 2**15 - 1),
    "i32": ("int32", -2**31, 2**31 - 1), "i64": ("int64", -2**63, 2**63 - 1),
    "i": ("int", -2**63, 2**63 - 1), "u8": ("uint8", 0, 2**8 - 1),
    "u16": ("uint16", 0, 2**16 - 1), "u32": ("uint32", 0, 2**32 - 1),
    # uint64 and size accept negatives down to -2^63 (they wrap), as QEMU does
    "u64": ("uint64", -2**63, 2**64 - 1), "sz": ("size", -2**63, 2**64 - 1),
}
for i, (member, (qtype, lo, hi)) in enumerate(WIDTHS.items()):
    target = "qmp:message" if i % 2 == 0 else "command:set-integers"
    for label, value, ok in (("min-1", lo - 1, False), ("min", lo, True),
                             ("max", hi, True), ("max+1", hi + 1, False)):
        text = '{"execute": "set-integers", "arguments": {"%s": %d}}' % (member, value)
        case("int-%s-%s" % (qtype, label), target, text, ok,
             "%s %s %d is %s its wire range [%d, %d]" % (qtype, label, value,
                                                          "inside" if ok else "outside", lo, hi))
for qtype, member in (("uint64", "u64"), ("size", "sz")):
    for value in (-1, 0, -2**53 - 1):
        case("int-%s-negative-%d" % (qtype, value) if value else "int-%s-zero" % qtype,
             "qmp:command", '{"execute": "set-integers", "arguments": {"%s": %d}}' % (member, value),
             True, "%s accepts %d (negatives wrap modulo 2^64)" % (qtype, value))
for qtype, member in (("uint8", "u8"), ("uint16", "u16"), ("uint32", "u32")):
    case("int-%s-minus-one" % qtype, "qmp:command",
         cmd("set-integers", {member: -1}), False, "%s rejects negatives (only uint64/size wrap)" % qtype)
case("int-int64-near-2^53", "qmp:message",
     '{"execute": "set-integers", "arguments": {"i64": 9007199254740993, "i": -9007199254740993}}',
     True, "integers beyond 2^53 inside the int64 range")
case("int-uint64-2^63", "qmp:message", '{"execute": "set-integers", "arguments": {"u64": 9223372036854775808}}',
     True, "a literal that fits uint64 but not int64 is accepted by uint64")
case("int-int64-2^63", "qmp:message", '{"execute": "set-integers", "arguments": {"i64": 9223372036854775808}}',
     False, "... and rejected by int64")
case("int-int-huge", "qmp:command", '{"execute": "set-integers", "arguments": {"i": 123456789012345678901234567890}}',
     False, "far beyond int64")
case("int-size-huge-negative", "qmp:command", '{"execute": "set-integers", "arguments": {"sz": -123456789012345678901234567890}}',
     False, "far below -2^63")
case("int-string", "qmp:command", cmd("set-integers", {"i8": "1"}), False, "a string is not an integer")
case("int-bool", "qmp:command", cmd("set-integers", {"u32": True}), False, "a boolean is not an integer")
case("int-fraction", "qmp:command", cmd("set-integers", {"i32": 1.5}), False, "1.5 has a fraction")
case("int-null", "qmp:command", cmd("set-integers", {"i16": None}), False, "null for an optional int is not absence")
case("int-all-at-once", "qmp:message", '{"execute": "set-integers", "arguments": {"i8": -128, "i16": 32767, '
     '"i32": -2147483648, "i64": 9223372036854775807, "i": -9223372036854775808, "u8": 255, "u16": 0, '
     '"u32": 4294967295, "u64": 18446744073709551615, "sz": -9223372036854775808}}', True, "every extreme together")
case("int-none", "qmp:message", cmd("set-integers"), True, "all members optional: arguments may be left out")
case("int-empty-args", "qmp:message", cmd("set-integers", {}), True, "all members optional")
case("int-unknown-member", "qmp:message", cmd("set-integers", {"i128": 1}), False, "unknown member on input")

# --- B. the other scalars ------------------------------------------------------------------
S = "set-scalars"
case("scalar-minimal", "qmp:message", cmd(S, {"s": ""}), True, "only the required member")
case("scalar-all", "qmp:message", cmd(S, {"s": "x", "b": False, "n": -1.5e10, "nothing": None,
                                         "anything": {"k": [1, None]}, "q": "qdict", "color": "blue"}),
     True, "every member with a good value")
case("scalar-missing-required", "qmp:message", cmd(S, {"b": True}), False, "'s' is required")
case("scalar-no-arguments", "qmp:message", cmd(S), False, "required members, so arguments are required")
case("scalar-str-number", "qmp:command", cmd(S, {"s": 1}), False, "str takes only strings")
case("scalar-str-null", "qmp:command", cmd(S, {"s": None}), False, "str takes only strings")
case("scalar-bool-string", "qmp:command", cmd(S, {"s": "", "b": "true"}), False, "bool takes only true/false")
case("scalar-bool-number", "qmp:command", cmd(S, {"s": "", "b": 1}), False, "bool takes only true/false")
case("scalar-number-integer", "qmp:command", cmd(S, {"s": "", "n": 3}), True, "number takes integers too")
case("scalar-number-huge", "qmp:command", '{"execute": "set-scalars", "arguments": {"s": "", "n": 1e308}}',
     True, "any JSON number")
case("scalar-number-string", "qmp:command", cmd(S, {"s": "", "n": "3"}), False, "number takes only numbers")
case("scalar-null-zero", "qmp:command", cmd(S, {"s": "", "nothing": 0}), False, "null takes only null")
case("scalar-null-string", "qmp:command", cmd(S, {"s": "", "nothing": "null"}), False, "null takes only null")
case("scalar-any-array", "qmp:command", cmd(S, {"s": "", "anything": [1, "two"]}), True, "any takes anything")
case("scalar-any-null", "qmp:command", cmd(S, {"s": "", "anything": None}), True, "any takes null too")
case("scalar-any-string", "qmp:command", cmd(S, {"s": "", "anything": "x"}), True, "any takes anything")
case("scalar-qtype-bad", "qmp:command", cmd(S, {"s": "", "q": "qint"}), False, "not a QType value")
case("scalar-enum-ok", "qmp:command", cmd(S, {"s": "", "color": "red"}), True, "an enum value")
case("scalar-enum-deprecated", "qmp:command", cmd(S, {"s": "", "color": "old-yellow"}), True,
     "a deprecated value is still a value")
case("scalar-enum-conditional", "qmp:command", cmd(S, {"s": "", "color": "ultraviolet"}), True,
     "conditions are kept, not resolved, without --define")
case("scalar-enum-unknown", "qmp:command", cmd(S, {"s": "", "color": "purple"}), False, "not a Color value")
case("scalar-enum-case", "qmp:command", cmd(S, {"s": "", "color": "Red"}), False, "enum values are case-sensitive")
case("scalar-enum-number", "qmp:command", cmd(S, {"s": "", "color": 0}), False, "enum values are strings")
case("scalar-unknown-member", "qmp:command", cmd(S, {"s": "", "extra": 1}), False, "unknown member on input")
case("scalar-null-optional", "qmp:command", cmd(S, {"s": "", "b": None}), False,
     "null is not absence for an optional bool")
case("scalar-args-target", "command:set-scalars/arguments", {"s": "x", "q": "qnull"}, True,
     "the arguments schema on its own")
case("scalar-args-target-bad", "command:set-scalars/arguments", {"q": "qnull"}, False,
     "the arguments schema on its own: 's' missing")

# --- C. structs, bases, features ---------------------------------------------------------------
case("struct-point3-reply", "command:query-point/reply", {"return": {"x": 1, "y": 2, "z": 3}}, True,
     "base members flattened")
case("struct-point3-all", "command:query-point/reply",
     {"return": {"x": 1, "y": 2, "z": 3, "label": "l", "hint": "h"}, "id": 7}, True,
     "optional, deprecated and conditional members")
case("struct-point3-missing-base", "command:query-point/reply", {"return": {"y": 2, "z": 3}}, False,
     "base member 'x' is required")
case("struct-point3-missing-own", "command:query-point/reply", {"return": {"x": 1, "y": 2}}, False,
     "own member 'z' is required")
case("struct-point3-unknown", "command:query-point/reply", {"return": {"x": 1, "y": 2, "z": 3, "w": 4}}, False,
     "output is strict by default")
case("struct-point3-type", "Point3", {"x": 1, "y": 2, "z": "3"}, False, "z is an int")
case("struct-point-as-type", "Point", {"x": 1, "y": 2}, True, "a type's own definition")
case("struct-point-not-object", "Point", [1, 2], False, "a struct is an object")
case("struct-old-command", "qmp:message", cmd("old-command", {"arg": 1}), True,
     "deprecated commands and arguments are still accepted (no -compat policy)")
case("struct-old-command-bare", "qmp:message", cmd("old-command"), True, "optional argument left out")

# --- D. flat unions ------------------------------------------------------------------------------
def draw(shape):
    return cmd("draw", {"shape": shape})


case("flat-circle", "qmp:message", draw({"kind": "circle", "radius": 3}), True, "branch members")
case("flat-circle-name", "qmp:message", draw({"kind": "circle", "radius": 3, "name": "c"}), True,
     "optional base member")
case("flat-circle-missing", "qmp:message", draw({"kind": "circle"}), False, "branch member 'radius' missing")
case("flat-circle-foreign", "qmp:message", draw({"kind": "circle", "radius": 3, "width": 4}), False,
     "member of another branch")
case("flat-circle-unknown", "qmp:message", draw({"kind": "circle", "radius": 3, "zoom": 2}), False,
     "unknown member")
case("flat-circle-negative", "qmp:message", draw({"kind": "circle", "radius": -1}), False, "uint32")
case("flat-circle-max", "qmp:message", draw({"kind": "circle", "radius": 4294967295}), True, "uint32 max")
case("flat-circle-over", "qmp:message", draw({"kind": "circle", "radius": 4294967296}), False, "uint32 max+1")
case("flat-rect", "qmp:message", draw({"kind": "rect", "width": 2, "height": 1}), True,
     "conditional branch, conditions kept")
case("flat-rect-optional", "qmp:message", draw({"kind": "rect", "width": 2}), True, "optional branch member")
case("flat-rect-missing", "qmp:message", draw({"kind": "rect", "height": 1}), False, "'width' missing")
case("flat-dot", "qmp:message", draw({"kind": "dot"}), True, "implicit empty branch")
case("flat-dot-name", "qmp:message", draw({"kind": "dot", "name": "d"}), True, "implicit empty branch, base only")
case("flat-dot-radius", "qmp:message", draw({"kind": "dot", "radius": 1}), False,
     "implicit empty branch takes no members")
case("flat-nothing", "qmp:message", draw({"kind": "nothing"}), True, "implicit empty branch")
case("flat-nothing-extra", "qmp:message", draw({"kind": "nothing", "sides": "tri"}), False,
     "implicit empty branch takes no members")
case("flat-unknown-kind", "qmp:message", draw({"kind": "hexagon"}), False, "not a ShapeKind value")
case("flat-missing-kind", "qmp:message", draw({"radius": 3}), False, "the discriminator is required")
case("flat-kind-null", "qmp:message", draw({"kind": None}), False, "the discriminator is an enum")
case("flat-poly-tri", "qmp:message",
     draw({"kind": "poly", "sides": "tri", "a": {"x": 0, "y": 0}, "b": {"x": 1, "y": 0}, "c": {"x": 0, "y": 1}}),
     True, "nested union branch")
case("flat-poly-tri-missing", "qmp:message",
     draw({"kind": "poly", "sides": "tri", "a": {"x": 0, "y": 0}, "b": {"x": 1, "y": 0}}), False,
     "nested branch member missing")
case("flat-poly-tri-bad-point", "qmp:message",
     draw({"kind": "poly", "sides": "tri", "a": {"x": 0}, "b": {"x": 1, "y": 0}, "c": {"x": 0, "y": 1}}),
     False, "nested struct member missing")
case("flat-poly-tri-extra", "qmp:message",
     draw({"kind": "poly", "sides": "tri", "a": {"x": 0, "y": 0}, "b": {"x": 1, "y": 0},
           "c": {"x": 0, "y": 1}, "d": {"x": 1, "y": 1}}), False, "unknown member in nested union")
case("flat-poly-quad", "qmp:message", draw({"kind": "poly", "sides": "quad"}), True,
     "nested union's implicit empty branch")
case("flat-poly-quad-extra", "qmp:message", draw({"kind": "poly", "sides": "quad", "a": {"x": 0, "y": 0}}),
     False, "nested implicit empty branch takes no members")
case("flat-poly-no-sides", "qmp:message", draw({"kind": "poly"}), False, "nested discriminator missing")
case("flat-poly-bad-sides", "qmp:message", draw({"kind": "poly", "sides": "penta"}), False,
     "not a PolyKind value")
case("flat-poly-outer-member", "qmp:message", draw({"kind": "poly", "sides": "quad", "radius": 2}), False,
     "member of a sibling branch")
case("flat-boxed", "qmp:message", cmd("draw-boxed", {"kind": "rect", "width": 1}), True, "boxed union arguments")
case("flat-boxed-dot", "qmp:message", cmd("draw-boxed", {"kind": "dot"}), True, "boxed union arguments")
case("flat-boxed-bad", "qmp:message", cmd("draw-boxed", {"kind": "dot", "width": 1}), False,
     "boxed union arguments, foreign member")
case("flat-boxed-no-arguments", "qmp:message", cmd("draw-boxed"), False,
     "a union's discriminator is required, so are the arguments")
case("flat-as-type", "Shape", {"kind": "circle", "radius": 0}, True, "the union's own definition")
case("flat-reply", "command:query-shape/reply", {"return": {"kind": "dot"}}, True, "union as return type")
case("flat-reply-bad", "command:query-shape/reply", {"return": {"kind": "dot", "width": 3}}, False,
     "union as return type, strict output")

# --- E. simple unions (pre-6.2) ---------------------------------------------------------------
def simple(u):
    return cmd("set-simple", {"value": u})


SU = dict(schema="suite-simple")
case("simple-num", "qmp:message", simple({"type": "num", "data": -5}), True, "int branch", **SU)
case("simple-num-string", "qmp:message", simple({"type": "num", "data": "5"}), False, "int branch", **SU)
case("simple-text", "qmp:message", simple({"type": "text", "data": "hi"}), True, "str branch", **SU)
case("simple-text-number", "qmp:message", simple({"type": "text", "data": 1}), False, "str branch", **SU)
case("simple-point", "qmp:message", simple({"type": "point", "data": {"x": 1, "y": 2}}), True,
     "struct branch", **SU)
case("simple-point-missing", "qmp:message", simple({"type": "point", "data": {"x": 1}}), False,
     "struct branch, member missing", **SU)
case("simple-point-extra", "qmp:message", simple({"type": "point", "data": {"x": 1, "y": 2, "z": 3}}), False,
     "struct branch, unknown member", **SU)
case("simple-list", "qmp:message", simple({"type": "list", "data": [1, 2, 3]}), True, "array branch", **SU)
case("simple-list-empty", "qmp:message", simple({"type": "list", "data": []}), True, "array branch", **SU)
case("simple-list-bad", "qmp:message", simple({"type": "list", "data": [1, "2"]}), False,
     "array branch, bad element", **SU)
case("simple-small-max", "qmp:message", simple({"type": "small", "data": 255}), True, "uint8 branch", **SU)
case("simple-small-over", "qmp:message", simple({"type": "small", "data": 256}), False, "uint8 branch", **SU)
case("simple-unknown-type", "qmp:message", simple({"type": "float", "data": 1.5}), False,
     "not a branch", **SU)
case("simple-missing-data", "qmp:message", simple({"type": "num"}), False, "'data' is required", **SU)
case("simple-missing-type", "qmp:message", simple({"data": 1}), False, "'type' is required", **SU)
case("simple-extra", "qmp:message", simple({"type": "num", "data": 1, "more": 2}), False,
     "nothing besides type and data", **SU)
case("simple-flat-form", "qmp:message", simple({"type": "point", "x": 1, "y": 2}), False,
     "a simple union is not flat", **SU)
case("simple-data-null", "qmp:message", simple({"type": "num", "data": None}), False, "int branch", **SU)
case("simple-reply", "command:get-simple/reply", {"return": {"type": "text", "data": ""}}, True,
     "simple union returned", **SU)
case("simple-event", "qmp:message", event("SIMPLE_CHANGED", {"value": {"type": "list", "data": [0]}}), True,
     "simple union in event data", **SU)
case("simple-event-bad", "qmp:message", event("SIMPLE_CHANGED", {"value": {"type": "list", "data": 0}}), False,
     "simple union in event data, bad branch value", **SU)

# --- F. alternates ---------------------------------------------------------------------------
def holder(**members):
    return cmd("draw", {"holder": members})


case("alt-null", "qmp:message", holder(alt=None), True, "null branch")
case("alt-int", "qmp:message", holder(alt=-128), True, "int8 branch")
case("alt-int-over", "qmp:message", holder(alt=128), False, "int8 branch range applies, no fall-through")
case("alt-int-under", "qmp:message", holder(alt=-129), False, "int8 branch range applies")
case("alt-fraction", "qmp:message", holder(alt=0.5), False, "the numeric branch is int8")
case("alt-point", "qmp:message", holder(alt={"x": 1, "y": 2}), True, "object branch")
case("alt-point-bad", "qmp:message", holder(alt={"x": 1}), False, "object branch, member missing")
case("alt-point-extra", "qmp:message", holder(alt={"x": 1, "y": 2, "z": 0}), False, "object branch, unknown member")
case("alt-list", "qmp:message", holder(alt=[{"x": 1, "y": 2}]), True, "array branch")
case("alt-list-empty", "qmp:message", holder(alt=[]), True, "array branch, empty")
case("alt-list-bad", "qmp:message", holder(alt=[1]), False, "array branch, bad element")
case("alt-enum", "qmp:message", holder(alt="green"), True, "enum branch")
case("alt-enum-bad", "qmp:message", holder(alt="purple"), False, "enum branch, not a value")
case("alt-bool", "qmp:message", holder(alt=True), False, "no boolean branch")
case("alt-missing", "qmp:message", holder(), False, "'alt' is required")
case("alt-list-of-alts", "qmp:message", holder(alt=None, alts=[None, 1, {"x": 1, "y": 2}, "red", []]), True,
     "array of alternates")
case("alt-list-of-alts-bad", "qmp:message", holder(alt=None, alts=[None, True]), False,
     "array of alternates, bad element")
case("alt-str", "qmp:message", holder(alt=1, sob="any string"), True, "str branch")
case("alt-str-shape", "qmp:message", holder(alt=1, sob={"kind": "dot"}), True, "union branch")
case("alt-str-shape-bad", "qmp:message", holder(alt=1, sob={"kind": "dot", "radius": 1}), False,
     "union branch, closed")
case("alt-str-number", "qmp:message", holder(alt=1, sob=5), False, "no numeric branch")
case("alt-bool-true", "qmp:message", holder(alt=1, bon=True), True, "bool branch")
case("alt-num-fraction", "qmp:message", holder(alt=1, bon=2.5), True, "number branch")
case("alt-num-string", "qmp:message", holder(alt=1, bon="2.5"), False, "no string branch")
case("alt-num-null", "qmp:message", holder(alt=1, bon=None), False, "no null branch")
case("alt-as-type", "Alt", "\"blue\"", True, "the alternate's own definition")
case("alt-reply", "command:get-alternate/reply", {"return": None}, True, "alternate returned")
case("alt-reply-list", "command:get-alternate/reply", {"return": [{"x": 0, "y": 0}]}, True, "alternate returned")
case("alt-reply-bad", "command:get-alternate/reply", {"return": {}}, False, "alternate returned, object missing members")
case("alt-shapes", "qmp:message", holder(alt=1, shapes=[{"kind": "dot"}, {"kind": "circle", "radius": 1}]), True,
     "array of unions")
case("alt-shapes-bad", "qmp:message", holder(alt=1, shapes=[{"kind": "dot"}, {"kind": "circle"}]), False,
     "array of unions, bad element")

# --- G. nested arrays -------------------------------------------------------------------------
def matrix(m):
    return cmd("set-matrix", {"m": m})


case("array-matrix", "qmp:message", matrix({"rows": [{"cells": [1, 2]}, {"cells": []}]}), True, "arrays in arrays")
case("array-matrix-empty", "qmp:message", matrix({"rows": []}), True, "empty array")
case("array-matrix-bad-cell", "qmp:message", matrix({"rows": [{"cells": [1, "2"]}]}), False, "bad cell")
case("array-matrix-bad-cell-big", "qmp:message", '{"execute": "set-matrix", "arguments": {"m": {"rows": [{"cells": [9223372036854775808]}]}}}',
     False, "int cell beyond int64")
case("array-matrix-cell-max", "qmp:message", '{"execute": "set-matrix", "arguments": {"m": {"rows": [{"cells": [9223372036854775807, -9223372036854775808]}]}}}',
     True, "int cells at the int64 limits")
case("array-matrix-row-not-object", "qmp:message", matrix({"rows": [[1, 2]]}), False, "rows hold Row objects")
case("array-matrix-not-array", "qmp:message", matrix({"rows": {"cells": []}}), False, "rows is an array")
case("array-matrix-points", "qmp:message", matrix({"rows": [], "points": [{"x": 0, "y": 0, "z": 0}]}), True,
     "array of structs with base")
case("array-matrix-points-bad", "qmp:message", matrix({"rows": [], "points": [{"x": 0, "y": 0}]}), False,
     "array element missing a member")
case("array-matrix-missing", "qmp:message", matrix({}), False, "'rows' is required")
case("array-no-arguments", "qmp:message", cmd("set-matrix"), False, "'m' is required, so are the arguments")
case("array-points-reply", "command:query-points/reply", {"return": [{"x": 1, "y": 1}, {"x": 2, "y": 2}]}, True,
     "array returned")
case("array-points-reply-empty", "command:query-points/reply", {"return": []}, True, "empty array returned")
case("array-points-reply-bad", "command:query-points/reply", {"return": [{"x": 1}]}, False,
     "array returned, element missing a member")
case("array-points-reply-object", "command:query-points/reply", {"return": {"x": 1, "y": 1}}, False,
     "an object is not an array")

# --- H. command envelopes ---------------------------------------------------------------------
case("cmd-ping", "qmp:message", cmd("ping"), True, "no arguments")
case("cmd-ping-empty-args", "qmp:message", cmd("ping", {}), True, "empty arguments")
case("cmd-ping-args", "qmp:message", cmd("ping", {"x": 1}), False, "a command without arguments takes none")
case("cmd-ping-id-string", "qmp:message", cmd("ping", id="abc"), True, "id may be any value")
case("cmd-ping-id-object", "qmp:message", cmd("ping", id={"n": [1]}), True, "id may be any value")
case("cmd-ping-id-null", "qmp:message", cmd("ping", id=None), True, "id may be any value")
case("cmd-unknown", "qmp:message", cmd("pong"), False, "no such command")
case("cmd-execute-number", "qmp:message", {"execute": 1}, False, "execute must be a string")
case("cmd-no-execute", "qmp:message", {"arguments": {}}, False, "execute is required")
case("cmd-extra-key", "qmp:message", cmd("ping", control={}), False, "unknown top-level member")
case("cmd-args-array", "qmp:message", cmd("ping", []), False, "arguments must be an object")
case("cmd-args-null", "qmp:message", cmd("ping", None) | {"arguments": None}, False, "arguments must be an object")
case("cmd-oob", "qmp:message", {"exec-oob": "oob-ping", "id": 1}, True, "allow-oob command out of band")
case("cmd-oob-inband", "qmp:message", cmd("oob-ping"), True, "allow-oob command in band")
case("cmd-oob-not-allowed", "qmp:message", {"exec-oob": "ping"}, False, "ping does not allow OOB")
case("cmd-oob-both", "qmp:message", {"execute": "oob-ping", "exec-oob": "oob-ping"}, False,
     "exec-oob clashes with execute")
case("cmd-oob-unknown", "qmp:message", {"exec-oob": "nope"}, False, "no such command")
case("cmd-oob-target", "command:oob-ping", {"exec-oob": "oob-ping"}, True, "the command's own message schema")
case("cmd-oob-target-wrong-name", "command:oob-ping", {"exec-oob": "ping"}, False,
     "the command's own message schema names it")
case("cmd-gen-false", "qmp:message", cmd("raw", {"driver": 1, "anything": [True]}), True,
     "'gen': false: arguments not checked")
case("cmd-gen-false-none", "qmp:message", cmd("raw"), True, "'gen': false: arguments not checked")
case("cmd-gen-false-not-object", "qmp:message", cmd("raw", "x"), False, "arguments must still be an object")
case("cmd-draw-none", "qmp:message", cmd("draw"), True, "all arguments optional")
case("cmd-target-command", "qmp:command", cmd("ping"), True, "the command envelope")
case("cmd-target-command-reply", "qmp:command", {"return": {}}, False, "a reply is not a command")

# --- I. success replies -----------------------------------------------------------------------
case("reply-ping", "command:ping/reply", {"return": {}}, True, "no returns: {}")
case("reply-ping-id", "command:ping/reply", {"return": {}, "id": "abc"}, True, "id echoed")
case("reply-ping-member", "command:ping/reply", {"return": {"a": 1}}, False, "no returns: exactly {}")
case("reply-ping-null", "command:ping/reply", {"return": None}, False, "no returns: {}, not null")
case("reply-missing-return", "command:ping/reply", {"id": 1}, False, "return is required")
case("reply-extra-key", "command:ping/reply", {"return": {}, "extra": 1}, False, "unknown top-level member")
case("reply-get-int", "command:get-int/reply", {"return": 42}, True, "plain int returned")
case("reply-get-int-max", "command:get-int/reply", '{"return": 9223372036854775807}', True, "int max")
case("reply-get-int-over", "command:get-int/reply", '{"return": 9223372036854775808}', False, "int max+1")
case("reply-get-int-string", "command:get-int/reply", {"return": "42"}, False, "an int, not a string")
case("reply-generic", "qmp:reply", {"return": [1, "x"], "id": 3}, True, "without the command, any return")
case("reply-generic-message", "qmp:message", {"return": {}}, True, "a reply is a message")
case("reply-generic-no-return", "qmp:reply", {"id": 3}, False, "return is required")
case("reply-holder", "command:query-holder/reply",
     {"return": {"alt": [{"x": 1, "y": 1}], "sob": "s", "bon": 1, "shapes": [{"kind": "poly", "sides": "quad"}]}},
     True, "nested types in output")
case("reply-holder-bad", "command:query-holder/reply",
     {"return": {"alt": [{"x": 1, "y": 1}], "shapes": [{"kind": "poly", "sides": "quad", "extra": 1}]}},
     False, "unknown member deep in output, strict")
case("reply-returns-target", "command:query-point/returns", {"x": 1, "y": 2, "z": 3}, True,
     "the returns schema on its own")

# --- J. lenient output ------------------------------------------------------------------------
LEN = dict(lenient=True)
case("lenient-point", "command:query-point/reply", {"return": {"x": 1, "y": 2, "z": 3, "w": 4}}, True,
     "lenient output: unknown members allowed", **LEN)
case("lenient-point-missing", "command:query-point/reply", {"return": {"x": 1, "z": 3, "w": 4}}, False,
     "lenient output still requires members", **LEN)
case("lenient-point-type", "command:query-point/reply", {"return": {"x": 1, "y": "2", "z": 3}}, False,
     "lenient output still checks types", **LEN)
case("lenient-ping", "command:ping/reply", {"return": {"future": True}}, True,
     "lenient output: {} may grow members", **LEN)
case("lenient-shape", "command:query-shape/reply", {"return": {"kind": "circle", "radius": 1, "new": 0}}, True,
     "lenient output: unions open too", **LEN)
case("lenient-shape-nested", "command:query-shape/reply",
     {"return": {"kind": "poly", "sides": "tri", "a": {"x": 0, "y": 0, "t": 1}, "b": {"x": 1, "y": 0},
                 "c": {"x": 0, "y": 1}, "area": 0.5}}, True, "lenient output: nested open", **LEN)
case("lenient-shape-bad-branch", "command:query-shape/reply", {"return": {"kind": "circle"}}, False,
     "lenient output still requires branch members", **LEN)
case("lenient-holder", "command:query-holder/reply",
     {"return": {"alt": {"x": 1, "y": 1, "z": 1}, "shapes": [{"kind": "dot", "colour": "x"}]}}, True,
     "lenient output through alternates and arrays", **LEN)
case("lenient-event", "qmp:message", event("MOVED", {"from": {"x": 0, "y": 0, "z": 9}, "to": {"x": 1, "y": 1},
                                                   "speed": 3}), True, "lenient event data", **LEN)
case("lenient-event-missing", "qmp:message", event("MOVED", {"from": {"x": 0, "y": 0}, "speed": 3}), False,
     "lenient event data still requires members", **LEN)
case("lenient-input-closed", "qmp:message", matrix({"rows": [], "extra": 1}), False,
     "input stays closed with lenient output", **LEN)
case("lenient-greeting", "qmp:message",
     {"QMP": {"version": {"qemu": {"major": 9, "minor": 0, "micro": 0, "nano": 1}, "package": ""},
              "capabilities": [], "features": []}}, True, "lenient greeting", **LEN)
case("lenient-error-closed", "qmp:message", {"error": {"class": "GenericError", "desc": "x", "extra": 1}}, False,
     "the error envelope stays closed", **LEN)
case("lenient-envelope-closed", "qmp:message", {"return": {}, "extra": 1}, False,
     "the reply envelope stays closed", **LEN)

# --- K. error replies -------------------------------------------------------------------------
case("error-generic", "qmp:message", {"error": {"class": "GenericError", "desc": "Parameter 'x' is missing"}},
     True, "error reply")
case("error-id", "qmp:error", {"error": {"class": "CommandNotFound", "desc": "no"}, "id": [1]}, True,
     "error reply with id")
case("error-class-unknown", "qmp:error", {"error": {"class": "Bogus", "desc": "x"}}, False,
     "class is a QapiErrorClass value")
case("error-class-number", "qmp:error", {"error": {"class": 1, "desc": "x"}}, False, "class is a string")
case("error-no-desc", "qmp:error", {"error": {"class": "GenericError"}}, False, "desc is required")
case("error-desc-number", "qmp:error", {"error": {"class": "GenericError", "desc": 1}}, False, "desc is a string")
case("error-extra", "qmp:error", {"error": {"class": "GenericError", "desc": "", "data": {}}}, False,
     "nothing besides class and desc")
case("error-and-return", "qmp:message", {"error": {"class": "GenericError", "desc": ""}, "return": {}}, False,
     "either an error or a return")
case("error-not-object", "qmp:message", {"error": "bad"}, False, "error is an object")

# --- L. events --------------------------------------------------------------------------------
case("event-no-data", "qmp:message", event("HEARTBEAT"), True, "event without data")
case("event-no-data-given", "qmp:message", event("HEARTBEAT", {}), False, "no data type: data is never sent")
case("event-data", "qmp:message", event("MOVED", {"from": {"x": 0, "y": 0}, "to": {"x": 1, "y": 1}}), True,
     "event with data")
case("event-data-optional", "qmp:message",
     event("MOVED", {"from": {"x": 0, "y": 0}, "to": {"x": 1, "y": 1}, "reason": "r"}), True, "optional member")
case("event-data-missing", "qmp:message", event("MOVED"), False, "data is required")
case("event-data-member-missing", "qmp:message", event("MOVED", {"from": {"x": 0, "y": 0}}), False,
     "'to' is required")
case("event-data-unknown", "qmp:message",
     event("MOVED", {"from": {"x": 0, "y": 0}, "to": {"x": 1, "y": 1}, "speed": 1}), False,
     "strict output: unknown member")
case("event-optional-data", "qmp:message", event("OPTIONAL_DATA", {}), True,
     "all-optional data is still sent, possibly empty")
case("event-optional-data-missing", "qmp:message", event("OPTIONAL_DATA"), False,
     "QEMU sends data whenever the event has a non-empty data type")
case("event-boxed", "qmp:message", event("SHAPE_CHANGED", {"kind": "rect", "width": 1}), True, "boxed union data")
case("event-boxed-bad", "qmp:message", event("SHAPE_CHANGED", {"kind": "rect"}), False, "boxed union data")
case("event-unknown", "qmp:message", event("EXPLODED"), False, "no such event")
case("event-name-number", "qmp:message", {"event": 1, "timestamp": {"seconds": 0, "microseconds": 0}}, False,
     "event names are strings")
case("event-no-timestamp", "qmp:message", {"event": "HEARTBEAT"}, False, "timestamp is required")
case("event-timestamp-partial", "qmp:message", {"event": "HEARTBEAT", "timestamp": {"seconds": 0}}, False,
     "microseconds is required")
case("event-timestamp-extra", "qmp:message",
     event("HEARTBEAT", timestamp={"seconds": 0, "microseconds": 0, "nanoseconds": 0}), False,
     "nothing besides seconds and microseconds")
case("event-timestamp-string", "qmp:message", event("HEARTBEAT", timestamp={"seconds": "0", "microseconds": 0}),
     False, "seconds is an integer")
case("event-timestamp-fraction", "qmp:message", event("HEARTBEAT", timestamp={"seconds": 0, "microseconds": 0.5}),
     False, "microseconds is an integer")
case("event-timestamp-unknown-clock", "qmp:message",
     event("HEARTBEAT", timestamp={"seconds": -1, "microseconds": -1}), True,
     "both -1 when the host clock could not be read")
case("event-timestamp-huge", "qmp:message",
     '{"event": "HEARTBEAT", "timestamp": {"seconds": 9223372036854775808, "microseconds": 0}}', False,
     "timestamp fields are int64")
case("event-extra-key", "qmp:message", event("HEARTBEAT") | {"id": 1}, False, "events carry no id")
case("event-target", "event:MOVED", event("MOVED", {"from": {"x": 0, "y": 0}, "to": {"x": 1, "y": 1}}), True,
     "the event's own message schema")
case("event-data-target", "event:MOVED/data", {"from": {"x": 0, "y": 0}, "to": {"x": 1, "y": 1}}, True,
     "the event's data schema")
case("event-envelope-target", "qmp:event", event("HEARTBEAT"), True, "the event envelope")

# --- M. greeting ------------------------------------------------------------------------------
GREETING = {"QMP": {"version": {"qemu": {"micro": 50, "minor": 2, "major": 10}, "package": "v10.2.0"},
                    "capabilities": ["oob"]}}
case("greeting", "qmp:message", GREETING, True, "the greeting")
case("greeting-target", "qmp:greeting", GREETING, True, "the greeting envelope")
case("greeting-no-capabilities", "qmp:message",
     {"QMP": {"version": GREETING["QMP"]["version"], "capabilities": []}}, True, "no capabilities")
case("greeting-unknown-capability", "qmp:message",
     {"QMP": {"version": GREETING["QMP"]["version"], "capabilities": ["telepathy"]}}, False,
     "capabilities are QMPCapability values")
case("greeting-no-version", "qmp:message", {"QMP": {"capabilities": []}}, False, "version is required")
case("greeting-bad-version", "qmp:message",
     {"QMP": {"version": {"qemu": {"minor": 2, "major": 10}, "package": ""}, "capabilities": []}}, False,
     "version.qemu.micro is required")
case("greeting-no-package", "qmp:message",
     {"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 10}}, "capabilities": []}}, False,
     "version.package is required")
case("greeting-extra", "qmp:message",
     {"QMP": {"version": GREETING["QMP"]["version"], "capabilities": [], "x": 1}}, False,
     "strict output: unknown member")
case("greeting-not-object", "qmp:message", {"QMP": []}, False, "QMP is an object")

# --- N. QGA (seed 004) ------------------------------------------------------------------------
QGA = dict(schema="seed-004")
case("qga-sync", "qga:message", cmd("guest-sync", {"id": 1234}), True, "guest-sync", **QGA)
case("qga-sync-big", "qga:message", '{"execute": "guest-sync", "arguments": {"id": 9223372036854775807}}', True,
     "guest-sync id at int max", **QGA)
case("qga-sync-no-id", "qga:message", cmd("guest-sync", {}), False, "id is required", **QGA)
case("qga-sync-no-arguments", "qga:message", cmd("guest-sync"), False, "id is required", **QGA)
case("qga-sync-id-string", "qga:message", cmd("guest-sync", {"id": "1"}), False, "id is an int", **QGA)
case("qga-sync-reply", "command:guest-sync/reply", {"return": 1234}, True, "guest-sync returns an int", **QGA)
case("qga-sync-reply-object", "command:guest-sync/reply", {"return": {}}, False, "guest-sync returns an int", **QGA)
case("qga-ping", "qga:message", cmd("guest-ping"), True, "guest-ping", **QGA)
case("qga-ping-args", "qga:message", cmd("guest-ping", {"x": 1}), False, "guest-ping takes no arguments", **QGA)
case("qga-ping-id", "qga:message", cmd("guest-ping", id=5), True, "id is allowed in QGA", **QGA)
case("qga-shutdown", "qga:message", cmd("guest-shutdown", {"mode": "powerdown"}), True, "guest-shutdown", **QGA)
case("qga-shutdown-reply", "command:guest-shutdown/reply", {"return": {}}, False,
     "'success-response': false: no reply on success", **QGA)
case("qga-suspend-reply", "command:guest-suspend-disk/reply", {"return": {}}, False,
     "'success-response': false: no reply on success", **QGA)
case("qga-info-reply", "command:guest-info/reply",
     {"return": {"version": "2.5.0", "supported_commands": [
         {"name": "guest-ping", "enabled": True, "success-response": True}]}}, True, "guest-info", **QGA)
case("qga-info-reply-bad", "command:guest-info/reply",
     {"return": {"version": "2.5.0", "supported_commands": [{"name": "guest-ping", "enabled": True}]}}, False,
     "guest-info: success-response missing", **QGA)
case("qga-file-open-reply", "command:guest-file-open/reply", {"return": 1000}, True, "a handle (int)", **QGA)
case("qga-set-time", "qga:message", cmd("guest-set-time"), True, "optional time", **QGA)
case("qga-set-time-over", "qga:message", '{"execute": "guest-set-time", "arguments": {"time": 9223372036854775808}}',
     False, "time is an int", **QGA)
case("qga-unknown", "qga:message", cmd("guest-teleport"), False, "no such command", **QGA)
case("qga-oob", "qga:message", {"exec-oob": "guest-ping"}, False, "QGA has no OOB", **QGA)
case("qga-error", "qga:message", {"error": {"class": "GenericError", "desc": "JSON parse error, stray '\\ufffd'"}},
     True, "an error without id (0xFF sync)", **QGA)
case("qga-error-any-class", "qga:error", {"error": {"class": "SomethingElse", "desc": ""}}, True,
     "QGA's schema has no QapiErrorClass: any class string", **QGA)
case("qga-reply", "qga:message", {"return": 1234}, True, "a reply", **QGA)
case("qga-event", "qga:message", event("SHUTDOWN"), False, "QGA has no events", **QGA)
case("qga-greeting", "qga:message", GREETING, False, "QGA has no greeting", **QGA)

# --- O. not messages --------------------------------------------------------------------------
case("not-object-array", "qmp:message", [], False, "a message is an object")
case("not-object-string", "qmp:message", "\"execute\"", False, "a message is an object")
case("not-object-null", "qmp:message", None, False, "a message is an object")
case("empty-object", "qmp:message", {}, False, "neither command, reply, error, event nor greeting")

# --- P. --define: conditions resolved (CONFIG_UV defined, CONFIG_RECT and CONFIG_HINTS not) ---
DEF = dict(define=["CONFIG_UV"])
case("define-uv", "qmp:message", cmd(S, {"s": "", "color": "ultraviolet"}), True,
     "CONFIG_UV is defined: the value stays", **DEF)
case("define-rect-gone", "qmp:message", draw({"kind": "rect", "width": 2}), False,
     "CONFIG_RECT is not defined: the rect branch is gone, rect takes no members", **DEF)
case("define-rect-empty", "qmp:message", draw({"kind": "rect"}), True,
     "CONFIG_RECT is not defined: rect is an implicit empty branch", **DEF)
case("define-hint-gone", "command:query-point/reply", {"return": {"x": 1, "y": 2, "z": 3, "hint": "h"}}, False,
     "CONFIG_HINTS is not defined: the member is gone", **DEF)
case("define-point", "command:query-point/reply", {"return": {"x": 1, "y": 2, "z": 3}}, True,
     "unconditional members stay", **DEF)
case("define-uv-absent", "qmp:message", cmd(S, {"s": "", "color": "ultraviolet"}), False,
     "CONFIG_UV not defined: the value is gone", define=["CONFIG_RECT"])
case("define-rect-present", "qmp:message", draw({"kind": "rect", "width": 2}), True,
     "CONFIG_RECT defined: the branch stays", define=["CONFIG_RECT"])

with open(os.path.join(HERE, "suite.jsonl"), "w", encoding="utf-8") as f:
    for c in CASES:
        f.write(json.dumps(c, ensure_ascii=False) + "\n")
valid = sum(1 for c in CASES if c["valid"])
print("%d messages (%d valid, %d invalid)" % (len(CASES), valid, len(CASES) - valid))
