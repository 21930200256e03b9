"""Checks qapi4j's JSON Schema exports with python3-jsonschema and validates messages with them.

    /usr/bin/python3 harness.py JOB.json  >  results (JSON lines)

Same job and result format as ../js/harness.mjs. A schema is checked against its draft's
meta-schema (Draft202012Validator / Draft7Validator.check_schema); Python warnings raised while
checking or building a validator count as warnings. Messages are parsed with the json module,
whose integers are exact.
"""
import json
import sys
import warnings

import jsonschema
from jsonschema import Draft7Validator, Draft202012Validator, RefResolver


def main(job_path):
    with open(job_path, encoding="utf-8") as f:
        job = json.load(f)
    compiled = {}
    for s in job["schemas"]:
        errors, caught = [], []
        cls = Draft7Validator if s["draft"] == "07" else Draft202012Validator
        try:
            with open(s["file"], encoding="utf-8") as f:
                schema = json.load(f)
            with warnings.catch_warnings(record=True) as w:
                warnings.simplefilter("always")
                cls.check_schema(schema)
                resolver = RefResolver.from_schema(schema, id_of=cls.ID_OF)
                caught = [str(x.message) for x in w]
            compiled[s["key"]] = (cls, resolver, schema["$id"])
        except jsonschema.exceptions.SchemaError as e:
            errors.append("%s at %s" % (e.message, "/".join(map(str, e.absolute_path))))
        except Exception as e:  # noqa: BLE001 - report anything as a failure of this schema
            errors.append(repr(e))
        ok = not errors and not caught
        if not ok:
            compiled.pop(s["key"], None)
        emit({"kind": "schema", "key": s["key"], "ok": ok, "errors": errors, "warnings": caught})
    for m in job.get("messages", []):
        c = compiled.get(m["schema"])
        if c is None:
            emit({"kind": "message", "id": m["id"], "valid": None,
                  "error": "schema %s did not compile" % m["schema"]})
            continue
        cls, resolver, schema_id = c
        try:
            validator = cls({"$ref": schema_id + m["target"]}, resolver=resolver)
            error = next(iter(validator.iter_errors(json.loads(m["text"]))), None)
            emit({"kind": "message", "id": m["id"], "valid": error is None,
                  "error": None if error is None else "%s: %s" % (
                      "/".join(map(str, error.absolute_path)), error.message[:300])})
        except Exception as e:  # noqa: BLE001
            emit({"kind": "message", "id": m["id"], "valid": None, "error": repr(e)})


def emit(obj):
    sys.stdout.write(json.dumps(obj) + "\n")


if __name__ == "__main__":
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        main(sys.argv[1])
