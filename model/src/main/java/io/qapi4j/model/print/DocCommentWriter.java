package io.qapi4j.model.print;

import io.qapi4j.model.DocComment;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes a definition's documentation comment in QEMU's doc syntax:
 *
 * <pre>
 * ##
 * # &#64;NAME:
 * #
 * # Body paragraphs.
 * #
 * # &#64;member: Description, continuation lines
 * #     indented.
 * #
 * # Features:
 * #
 * # &#64;feature: Description.
 * #
 * # Since: 1.0
 * ##
 * </pre>
 *
 * <p>Text is written line for line as the model holds it (the reader keeps each line's own
 * indentation and drops only the {@code "# "}), so a comment read from a file comes back with
 * the same lines: same lengths, same sentence spacing. Comments may hold any text, non-ASCII
 * included.
 *
 * <p>Before QEMU 2.9 doc comments were free text that nothing parsed, often with a symbol line
 * without the colon ({@code # @NAME}). The compat reader keeps a comment that today's doc syntax
 * cannot read (say, with a {@code Notes:} section) as its symbol and one body of free text. Such
 * a body holds paragraphs that would read as descriptions or sections if printed as a body, so
 * it is printed in that old form again, {@code # @NAME} with the text below, which the compat
 * reader reads back as the same free text.
 */
final class DocCommentWriter {
  private static final String CONTINUATION_INDENT = "    ";
  /** A paragraph starting like this is a member or feature description. */
  private static final Pattern DESCRIPTION = Pattern.compile("@([^:]*): *");
  /** A paragraph starting like this is a tagged section (or an error today). */
  private static final Pattern SECTION_TAG =
      Pattern.compile("(Returns|Errors|Since|Notes?|Examples?|TODO)(?!::): *");
  private static final String FEATURES = "Features:";

  private final List<String> lines = new ArrayList<>();

  private DocCommentWriter() {}

  /** The comment lines of {@code doc} (without line ends), from {@code ##} to {@code ##}. */
  static List<String> lines(DocComment doc, String definitionName) {
    DocCommentWriter writer = new DocCommentWriter();
    writer.write(doc, doc.symbol() == null ? definitionName : doc.symbol());
    return writer.lines;
  }

  private void write(DocComment doc, String symbol) {
    lines.add("##");
    if (isLegacyFreeText(doc)) {
      lines.add("# @" + symbol);
      lines.add("#");
      text(doc.body());
      lines.add("##");
      return;
    }
    lines.add("# @" + symbol + ":");
    if (!doc.body().isEmpty()) {
      lines.add("#");
      text(doc.body());
    }
    for (DocComment.Description member : doc.members()) {
      lines.add("#");
      headed("@" + member.name() + ":", member.text());
    }
    if (!doc.features().isEmpty()) {
      lines.add("#");
      lines.add("# " + FEATURES);
      for (DocComment.Description feature : doc.features()) {
        lines.add("#");
        headed("@" + feature.name() + ":", feature.text());
      }
    }
    for (DocComment.Section section : doc.sections()) {
      lines.add("#");
      if (section.tag() == null) {
        text(section.text());
      } else {
        headed(section.tag() + ":", section.text());
      }
    }
    lines.add("##");
  }

  /**
   * Whether {@code doc} is one body of free text with paragraphs that today's doc syntax would
   * read as descriptions or sections.
   */
  private static boolean isLegacyFreeText(DocComment doc) {
    if (!doc.members().isEmpty() || !doc.features().isEmpty() || !doc.sections().isEmpty()) {
      return false;
    }
    boolean paragraphStart = true;
    for (String line : doc.body().split("\n", -1)) {
      if (paragraphStart && !line.isEmpty() && (DESCRIPTION.matcher(line).lookingAt()
          || line.equals(FEATURES) || SECTION_TAG.matcher(line).lookingAt())) {
        return true;
      }
      paragraphStart = line.isEmpty();
    }
    return false;
  }

  /** Paragraphs as they are. */
  private void text(String text) {
    for (String line : text.split("\n", -1)) {
      line(line);
    }
  }

  /**
   * A description or tagged section: the head ({@code @name:}, {@code Since:}) with the first
   * line of text, then the continuation lines, which must be indented to belong to it. Text
   * whose first line is indented was written below its head and is put back there.
   */
  private void headed(String head, String text) {
    String[] textLines = text.split("\n", -1);
    int first = 0;
    if (textLines[0].isEmpty()) {
      lines.add("# " + head);
      first = 1;
    } else if (Character.isWhitespace(textLines[0].charAt(0))) {
      lines.add("# " + head);
    } else {
      lines.add("# " + head + " " + textLines[0]);
      first = 1;
    }
    boolean reindent = needsIndent(textLines, first);
    for (int i = first; i < textLines.length; i++) {
      String line = textLines[i];
      line(reindent && !line.isBlank() ? CONTINUATION_INDENT + line : line);
    }
  }

  /**
   * Whether continuation lines would not all read back as part of their description: QEMU ends
   * it at a line indented less than the first continuation line (or not at all). Text read from
   * a schema never needs this; text built in code may.
   */
  private static boolean needsIndent(String[] textLines, int first) {
    int indent = -1;
    for (int i = first; i < textLines.length; i++) {
      String line = textLines[i];
      if (line.isBlank()) {
        continue;
      }
      int own = line.length() - line.stripLeading().length();
      if (indent < 0) {
        indent = own;
      }
      if (own == 0 || own < indent) {
        return true;
      }
    }
    return false;
  }

  private void line(String line) {
    lines.add(line.isEmpty() ? "#" : "# " + line);
  }
}
