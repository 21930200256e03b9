// Compiles qapi4j's JSON Schema exports with ajv 8 in strict mode and validates messages with them.
//
//   node harness.mjs JOB.json  >  results (JSON lines)
//
// JOB.json: {"schemas": [{"key", "file", "draft": "2020-12" | "07"}],
//            "messages": [{"id", "schema" (a schema key), "target" ("#/$defs/..."), "text"}]}
// Output, one JSON object per line:
//   {"kind": "schema", "key", "ok", "errors": [...], "warnings": [...]}
//   {"kind": "message", "id", "valid", "error"}
//
// Every schema is compiled in full (each definition, not only what the root reaches) by a fresh
// Ajv instance with strict: true, with qapi4j's annotation keywords declared as a vocabulary.
// Messages are parsed losslessly: integers beyond +-2^53 are rounded toward -infinity to a double,
// which keeps the verdict of every inclusive minimum and exclusive maximum exact as long as the
// bounds themselves are exact doubles (qapi4j writes them so).
import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import Ajv07 from "ajv";
import { parseLossless } from "./lossless-json.mjs";

export const QAPI_KEYWORDS = ["x-qapi-if", "x-qapi-features", "x-qapi-value-features", "x-qapi-value-if"];

function newAjv(draft, sink) {
  const logger = {
    log: (...a) => sink.warnings.push(a.join(" ")),
    warn: (...a) => sink.warnings.push(a.join(" ")),
    error: (...a) => sink.errors.push(a.join(" ")),
  };
  const Ajv = draft === "07" ? Ajv07 : Ajv2020;
  // code.optimize only shortens the generated code (verdicts are the same) and costs a third of the time.
  const ajv = new Ajv({ strict: true, allErrors: false, logger, code: { optimize: false } });
  ajv.addVocabulary(QAPI_KEYWORDS);
  return ajv;
}

/**
 * The definitions the root's compilation reaches through "#/DEFS/KEY" and "#/DEFS/KEY/DEFS/SUB"
 * references (a command's nested "returns" and "reply" are not reached from its message schema).
 * Units are "KEY" or "KEY/SUB".
 */
function reachedUnits(schema, defs) {
  const prefix = `#/${defs}/`;
  const reached = new Set();
  const todo = [schema.$ref, ...(schema.allOf || []).map((s) => s.$ref)].filter(Boolean);
  const visit = (node, top) => {
    if (Array.isArray(node)) node.forEach((n) => visit(n, false));
    else if (node && typeof node === "object") {
      for (const [k, v] of Object.entries(node)) {
        if (k === "$ref" && typeof v === "string") todo.push(v);
        else if (!(top && k === defs)) visit(v, false);
      }
    }
  };
  while (todo.length) {
    const ref = todo.pop();
    if (!ref.startsWith(prefix)) continue;
    const parts = ref.slice(prefix.length).split("/");
    const unit = parts.length >= 3 && parts[1] === defs ? `${parts[0]}/${parts[2]}` : parts[0];
    if (reached.has(unit)) continue;
    reached.add(unit);
    const [key, sub] = unit.split("/");
    visit(sub === undefined ? schema[defs][key] : schema[defs][key][defs][sub], true);
  }
  return reached;
}

/** Every definition unit of a bundle: "KEY" and, for nested definitions, "KEY/SUB". */
function allUnits(schema, defs) {
  const units = [];
  for (const [key, node] of Object.entries(schema[defs] || {})) {
    units.push(key);
    for (const sub of Object.keys((node && node[defs]) || {})) units.push(`${key}/${sub}`);
  }
  return units;
}

const job = JSON.parse(readFileSync(process.argv[2], "utf8"));
const compiled = new Map();
const out = (o) => process.stdout.write(JSON.stringify(o) + "\n");

for (const s of job.schemas) {
  const sink = { errors: [], warnings: [] };
  let ajv = null;
  let id = null;
  try {
    const schema = JSON.parse(readFileSync(s.file, "utf8"));
    id = schema.$id;
    ajv = newAjv(s.draft, sink);
    ajv.addSchema(schema);
    if (!ajv.getSchema(id)) sink.errors.push("root did not compile");
    // The root's compilation compiles every definition it reaches through $ref; compile the
    // others one by one, so that every definition is compiled (and strict-checked) once.
    const defs = s.draft === "07" ? "definitions" : "$defs";
    const reached = reachedUnits(schema, defs);
    for (const unit of allUnits(schema, defs)) {
      if (reached.has(unit)) continue;
      const pointer = unit.split("/").map((k) => `/${defs}/${k}`).join("");
      if (!ajv.getSchema(`${id}#${pointer}`)) sink.errors.push(`${unit} did not compile`);
    }
  } catch (e) {
    sink.errors.push(String(e && e.message ? e.message : e));
  }
  const ok = sink.errors.length === 0 && sink.warnings.length === 0;
  if (ok) compiled.set(s.key, { ajv, id });
  out({ kind: "schema", key: s.key, ok, errors: sink.errors, warnings: sink.warnings });
}

for (const m of job.messages || []) {
  const c = compiled.get(m.schema);
  if (!c) {
    out({ kind: "message", id: m.id, valid: null, error: `schema ${m.schema} did not compile` });
    continue;
  }
  try {
    const validate = c.ajv.getSchema(c.id + m.target);
    if (!validate) throw new Error(`no schema at ${m.target}`);
    const valid = validate(parseLossless(m.text));
    const e = valid ? null : (validate.errors || []).slice(0, 1).map((x) => `${x.instancePath} ${x.keyword}: ${x.message}`)[0];
    out({ kind: "message", id: m.id, valid, error: e || null });
  } catch (e) {
    out({ kind: "message", id: m.id, valid: null, error: String(e && e.message ? e.message : e) });
  }
}
