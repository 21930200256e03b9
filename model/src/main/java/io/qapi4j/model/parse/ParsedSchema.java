package io.qapi4j.model.parse;

import io.qapi4j.model.Diagnostic;
import io.qapi4j.model.Module;
import io.qapi4j.model.Pragmas;
import java.util.List;

/**
 * The output of the parse stage and the input of the check stage: every definition of the root
 * file and its includes in order, every documentation block, the modules and the final pragmas.
 *
 * @param expressions the definitions in order (directives removed)
 * @param docs every documentation block, free-form ones included, in order
 * @param modules the files read, root first
 * @param pragmas the pragma values in effect (the last of each kind wins)
 * @param warnings compat-dialect warnings found while parsing
 */
public record ParsedSchema(
    List<ParsedExpression> expressions,
    List<DocBlock> docs,
    List<Module> modules,
    Pragmas pragmas,
    List<Diagnostic> warnings) {

  public ParsedSchema {
    expressions = List.copyOf(expressions);
    docs = List.copyOf(docs);
    modules = List.copyOf(modules);
    warnings = List.copyOf(warnings);
  }
}
