package io.qapi4j.jsonschema;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;
import com.networknt.schema.keyword.DisallowUnknownKeywordFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * networknt json-schema-validator over exported documents, with a dialect that rejects unknown
 * keywords except qapi4j's declared annotations — the Java counterpart of ajv's strict mode.
 */
final class Networknt {

  private final SchemaRegistry registry;
  private final Draft draft;
  private final Map<String, Schema> compiled = new HashMap<>();

  /** A registry that knows {@code documents} (by {@code $id}). */
  Networknt(Draft draft, Map<String, String> documents) {
    this.draft = draft;
    Dialect base = draft == Draft.DRAFT_07 ? Dialects.getDraft7() : Dialects.getDraft202012();
    Dialect.Builder strict = Dialect.builder(base)
        .unknownKeywordFactory(DisallowUnknownKeywordFactory.getInstance());
    JsonSchemaExporter.ANNOTATION_KEYWORDS.forEach(k -> strict.keyword(new AnnotationKeyword(k)));
    this.registry = SchemaRegistry.withDialect(strict.build(), b -> b.schemas(documents));
  }

  /** A registry for one bundle. */
  static Networknt of(Draft draft, JsonNode bundle) {
    return new Networknt(draft, Map.of(bundle.get("$id").asString(), bundle.toString()));
  }

  /** The violations of {@code document} against the draft's meta-schema. */
  List<String> metaSchemaErrors(JsonNode document) {
    Schema meta = registry.getSchema(SchemaLocation.of(draft.metaSchema()));
    return messages(meta.validate(document));
  }

  /**
   * Compiles every definition of the bundle {@code id} (its root and each {@code $defs} entry,
   * through one schema that references them all); returns the problems, empty when all compiled.
   */
  List<String> compileAll(String id, JsonNode bundle) {
    List<String> problems = new ArrayList<>();
    ObjectNode all = JsonNodeFactory.instance.objectNode();
    all.put("$schema", draft.metaSchema());
    ArrayNode refs = all.putArray("anyOf");
    refs.addObject().put("$ref", id);
    bundle.path(draft.defsKeyword()).propertyNames()
        .forEach(k -> refs.addObject().put("$ref", id + "#/" + draft.defsKeyword() + "/" + k));
    try {
      registry.getSchema(SchemaLocation.of("urn:qapi4j-test:all"), all).initializeValidators();
    } catch (RuntimeException e) {
      problems.add(e.toString());
    }
    return problems;
  }

  /** The schema at {@code uri} (an {@code $id}, possibly with a fragment), compiled once. */
  Schema schema(String uri) {
    return compiled.computeIfAbsent(uri, u -> registry.getSchema(SchemaLocation.of(u)));
  }

  /** The first violation of the message {@code text} against {@code uri}, or {@code null}. */
  String firstError(String uri, String text) {
    List<Error> errors = schema(uri).validate(text, InputFormat.JSON);
    return errors.isEmpty() ? null : errors.get(0).toString();
  }

  private static List<String> messages(List<Error> errors) {
    return errors.stream().map(Error::toString).toList();
  }
}
