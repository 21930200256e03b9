package io.qapi4j.jsonschema;

import io.qapi4j.model.Command;
import io.qapi4j.model.Definition;
import io.qapi4j.model.DocComment;
import io.qapi4j.model.Event;
import io.qapi4j.model.ObjectType;
import io.qapi4j.model.Schema;
import io.qapi4j.model.UnionType;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Finds the documentation of definitions and their members, including implicit types, whose
 * members are documented in their owner's block (a command's inline arguments, an event's inline
 * data, a union's inline base).
 */
final class DocIndex {

  private final Map<String, DocComment> ownerDocs = new HashMap<>();

  DocIndex(Schema schema) {
    for (Definition d : schema.entities()) {
      if (d.doc() == null) {
        continue;
      }
      if (d instanceof Command c) {
        owner(c.arguments(), d.doc());
      } else if (d instanceof Event e) {
        owner(e.data(), d.doc());
      } else if (d instanceof UnionType u) {
        owner(u.base(), d.doc());
      }
    }
  }

  private void owner(@Nullable ObjectType implicitType, DocComment doc) {
    if (implicitType != null && implicitType.implicit()) {
      ownerDocs.putIfAbsent(implicitType.name(), doc);
    }
  }

  /** The block documenting {@code d} or, for an implicit type, its owner. */
  @Nullable DocComment doc(Definition d) {
    return d.doc() != null ? d.doc() : ownerDocs.get(d.name());
  }

  /** The overview text of {@code d}'s own block, if not blank (implicit types have none). */
  Optional<String> body(Definition d) {
    return text(d.doc() == null ? null : d.doc().body());
  }

  /** The description of member {@code member} of {@code d}, if documented. */
  Optional<String> member(Definition d, String member) {
    DocComment doc = doc(d);
    return doc == null ? Optional.empty() : doc.member(member).flatMap(DocIndex::text);
  }

  /** The text of section {@code tag} of {@code d}'s block, if present. */
  Optional<String> section(Definition d, String tag) {
    DocComment doc = d.doc();
    return doc == null ? Optional.empty() : doc.section(tag).flatMap(DocIndex::text);
  }

  private static Optional<String> text(@Nullable String s) {
    return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.strip());
  }
}
