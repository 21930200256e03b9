package io.qapi4j.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.IHelpSectionRenderer;

/**
 * The "Bundled schemas" section of a command's {@code --help}: the names {@code --bundled}
 * accepts, the default marked. The jar is listed only when help is shown.
 */
final class BundledSchemasHelp implements IHelpSectionRenderer {

  /** The key of the section in picocli's help section map. */
  static final String SECTION_KEY = "bundledSchemas";

  /** Adds the section to {@code command}'s help, before the exit codes. */
  static void addTo(CommandLine command) {
    command.getHelpSectionMap().put(SECTION_KEY, new BundledSchemasHelp());
    List<String> keys = new ArrayList<>(command.getHelpSectionKeys());
    int at = keys.indexOf(CommandLine.Model.UsageMessageSpec.SECTION_KEY_EXIT_CODE_LIST_HEADING);
    keys.add(at < 0 ? keys.size() : at, SECTION_KEY);
    command.setHelpSectionKeys(keys);
  }

  @Override
  public String render(Help help) {
    StringBuilder text = new StringBuilder(
        String.format("%nBundled schemas (--bundled NAME; messages call them bundled/NAME):%n"));
    List<String> names = BundledSchemas.names();
    if (names.isEmpty()) {
      text.append(String.format("  (none found: the installation is incomplete)%n"));
    }
    for (String name : names) {
      text.append("  ").append(name);
      if (name.equals(BundledSchemas.DEFAULT)) {
        text.append("  (default)");
      }
      text.append(String.format("%n"));
    }
    return text.toString();
  }
}
