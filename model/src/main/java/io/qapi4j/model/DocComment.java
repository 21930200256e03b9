package io.qapi4j.model;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A documentation comment block ({@code ##} ... {@code ##}).
 *
 * <p>A definition block starts with {@code @NAME:} and documents that definition; a free-form block
 * has no symbol and holds only a body.
 *
 * @param symbol the documented definition, or {@code null} for free-form documentation
 * @param body the overview text (for free-form blocks, the whole text)
 * @param members descriptions of members, values, branches or arguments, in order
 * @param features descriptions of features, in order
 * @param sections tagged ({@code Returns:}, {@code Since:}, ...) and untagged later sections
 * @param location where the block starts (its opening {@code ##})
 */
public record DocComment(
    @Nullable String symbol,
    String body,
    List<Description> members,
    List<Description> features,
    List<Section> sections,
    SourceLocation location) {

  public DocComment {
    members = List.copyOf(members);
    features = List.copyOf(features);
    sections = List.copyOf(sections);
  }

  /** The description of member {@code name}, if documented. */
  public Optional<String> member(String name) {
    return members.stream().filter(d -> d.name().equals(name)).map(Description::text).findFirst();
  }

  /** The text of the first section tagged {@code tag} (e.g. {@code "Since"}), if any. */
  public Optional<String> section(String tag) {
    return sections.stream().filter(s -> tag.equals(s.tag())).map(Section::text).findFirst();
  }

  /**
   * A description of one member or feature ({@code @name: text}).
   *
   * @param name the described name
   * @param text the description: the text after {@code @name:}, then the continuation lines
   *     joined with newlines, each keeping its own indentation as written after {@code "# "}
   *     (as QEMU keeps it); text written only on the lines below {@code @name:} starts indented
   */
  public record Description(String name, String text) {}

  /**
   * A section after the descriptions.
   *
   * @param tag {@code Returns}, {@code Errors}, {@code Since}, {@code TODO}, ... or {@code null} for
   *     plain text
   * @param text the section text
   */
  public record Section(@Nullable String tag, String text) {}
}
