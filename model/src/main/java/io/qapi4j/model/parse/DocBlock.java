package io.qapi4j.model.parse;

import io.qapi4j.model.DocComment;
import io.qapi4j.model.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A documentation block as parsed, with the source line of every section, as QEMU's
 * {@code QAPIDoc}: the checker connects its descriptions to members and features and reports what
 * is missing or bogus. {@link #toDocComment()} gives the model's immutable form.
 */
public final class DocBlock {

  /** Section kinds, named as QEMU prints them in "text required after 'Kind:'". */
  public enum Kind {
    PLAIN("Plain"), MEMBER("Member"), FEATURE("Feature"), RETURNS("Returns"), ERRORS("Errors"),
    SINCE("Since"), TODO("Todo");

    private final String title;

    Kind(String title) {
      this.title = title;
    }

    /** The name as QEMU prints it. */
    public String title() {
      return title;
    }

    static Kind fromTag(String tag) {
      return switch (tag) {
        case "Returns" -> RETURNS;
        case "Errors" -> ERRORS;
        case "Since" -> SINCE;
        case "TODO" -> TODO;
        default -> throw new IllegalArgumentException(tag);
      };
    }
  }

  /** One section: the body, a description, or a later section. */
  public static final class Section {
    SourceLocation location;
    final Kind kind;
    final @Nullable String name;
    /** The text without its surrounding blank lines, set when the next section starts. */
    String text = "";
    boolean connected;

    Section(SourceLocation location, Kind kind, @Nullable String name) {
      this.location = location;
      this.kind = kind;
      this.name = name;
    }

    /** Where the section starts. */
    public SourceLocation location() {
      return location;
    }

    /** The section's kind. */
    public Kind kind() {
      return kind;
    }

    /** The described name of a member or feature description, else {@code null}. */
    public @Nullable String name() {
      return name;
    }

    /** The section text. */
    public String text() {
      return text;
    }

    /** Whether the checker matched this description to a member or feature. */
    public boolean connected() {
      return connected;
    }

    /** Marks this description as matched. */
    public void connect() {
      connected = true;
    }
  }

  private final SourceLocation location;
  private final @Nullable String symbol;
  private final List<Section> allSections = new ArrayList<>();
  /**
   * The text of the last section while lines are added to it: lines only ever go to the last
   * section, so one buffer serves them all.
   */
  private final StringBuilder lastText = new StringBuilder();
  private final Map<String, Section> args = new LinkedHashMap<>();
  private final Map<String, Section> features = new LinkedHashMap<>();
  private @Nullable Section returns;
  private @Nullable Section errors;
  private @Nullable Section since;

  DocBlock(SourceLocation location, @Nullable String symbol) {
    this.location = location;
    this.symbol = symbol;
    allSections.add(new Section(location, Kind.PLAIN, null));
  }

  /** Where the block starts (its opening {@code ##}). */
  public SourceLocation location() {
    return location;
  }

  /** The documented definition's name, or {@code null} for free-form documentation. */
  public @Nullable String symbol() {
    return symbol;
  }

  /** Member / argument descriptions by name, in order. */
  public Map<String, Section> args() {
    return args;
  }

  /** Feature descriptions by name, in order. */
  public Map<String, Section> features() {
    return features;
  }

  /** The {@code Returns:} section, or {@code null}. */
  public @Nullable Section returnsSection() {
    return returns;
  }

  /** The {@code Errors:} section, or {@code null}. */
  public @Nullable Section errorsSection() {
    return errors;
  }

  /** Every section in textual order, the body first. */
  public List<Section> allSections() {
    return allSections;
  }

  /**
   * Adds a member description the checker found missing (for definitions listed in the {@code
   * documentation-exceptions} pragma), as QEMU does, so that later checks see it as present.
   */
  public void addStubArgument(String name) {
    Section s = new Section(location, Kind.MEMBER, name);
    s.connected = true;
    args.put(name, s);
  }

  void appendLine(String line) {
    lastText.append(line).append('\n');
  }

  /** Adds a section after the last, whose text is then complete. */
  private void addSection(Section s) {
    finishLast();
    allSections.add(s);
  }

  private void finishLast() {
    allSections.get(allSections.size() - 1).text = stripNewlines(lastText);
    lastText.setLength(0);
  }

  /** QEMU's {@code ensure_untagged_section}. */
  void ensureUntaggedSection(SourceLocation at) {
    Section last = allSections.get(allSections.size() - 1);
    if (last.kind == Kind.PLAIN) {
      if (lastText.length() == 0) {
        last.location = at;
      }
      lastText.append('\n');
      return;
    }
    addSection(new Section(at, Kind.PLAIN, null));
  }

  /** Starts a tagged section; returns an error message for a duplicate, else {@code null}. */
  @Nullable String newTaggedSection(SourceLocation at, Kind kind) {
    Section s = new Section(at, kind, null);
    switch (kind) {
      case RETURNS -> {
        if (returns != null) {
          return "duplicated 'Returns' section";
        }
        returns = s;
      }
      case ERRORS -> {
        if (errors != null) {
          return "duplicated 'Errors' section";
        }
        errors = s;
      }
      case SINCE -> {
        if (since != null) {
          return "duplicated 'Since' section";
        }
        since = s;
      }
      default -> { }
    }
    addSection(s);
    return null;
  }

  /** Starts a member or feature description; returns an error message, else {@code null}. */
  @Nullable String newDescription(SourceLocation at, String name, boolean feature) {
    if (name.isEmpty()) {
      return "invalid parameter name";
    }
    Map<String, Section> map = feature ? features : args;
    if (map.containsKey(name)) {
      return "'" + name + "' parameter name duplicated";
    }
    Section s = new Section(at, feature ? Kind.FEATURE : Kind.MEMBER, name);
    addSection(s);
    map.put(name, s);
    return null;
  }

  /**
   * QEMU's {@code end()}: strips blank lines around each section; returns the first non-plain
   * section without text, or {@code null}.
   */
  @Nullable Section end() {
    finishLast();
    for (Section s : allSections) {
      if (s.kind != Kind.PLAIN && s.text.isEmpty()) {
        return s;
      }
    }
    return null;
  }

  private static String stripNewlines(StringBuilder s) {
    int start = 0;
    int end = s.length();
    while (start < end && s.charAt(start) == '\n') {
      start++;
    }
    while (end > start && s.charAt(end - 1) == '\n') {
      end--;
    }
    return s.substring(start, end);
  }

  /** The model's immutable form of this block. */
  public DocComment toDocComment() {
    List<DocComment.Description> members = new ArrayList<>();
    List<DocComment.Description> feats = new ArrayList<>();
    List<DocComment.Section> rest = new ArrayList<>();
    for (int i = 1; i < allSections.size(); i++) {
      Section s = allSections.get(i);
      switch (s.kind) {
        case MEMBER -> members.add(new DocComment.Description(s.name == null ? "" : s.name, s.text()));
        case FEATURE -> feats.add(new DocComment.Description(s.name == null ? "" : s.name, s.text()));
        case PLAIN -> rest.add(new DocComment.Section(null, s.text()));
        default -> rest.add(new DocComment.Section(s.kind == Kind.TODO ? "TODO" : s.kind.title(), s.text()));
      }
    }
    return new DocComment(symbol, allSections.get(0).text(), members, feats, rest, location);
  }
}
