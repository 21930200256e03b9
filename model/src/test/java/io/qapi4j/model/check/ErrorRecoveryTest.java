package io.qapi4j.model.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.qapi4j.model.Diagnostic;
import io.qapi4j.model.read.SchemaReader;
import org.junit.jupiter.api.Test;

/** The checker goes on after an error, but never reports what only follows from it. */
class ErrorRecoveryTest {

  @Test
  void aDocumentationErrorDoesNotMakeItsMembersLookBogus() {
    var errors = SchemaReader.strict().readText("cascade.json",
        "##\n# @EV:\n#\n# @count: How many.\n##\n"
            + "{ 'event': 'EV', 'data': { 'count': 'int' }, 'features': [ 'unstable' ] }\n").errors();

    assertThat(errors).extracting(Diagnostic::text).containsExactly(
        "cascade.json: In event 'EV':\ncascade.json:6: feature 'unstable' lacks documentation");
  }

  @Test
  void aRejectedDefinitionIsNotReportedAgainAsAnUnknownType() {
    var errors = SchemaReader.strict().readText("x.json",
        "{ 'struct': 'Bad', 'data': { 'a': 'int' }, 'bogus': true }\n"
            + "{ 'struct': 'User', 'data': { 'b': 'Bad' } }\n"
            + "{ 'struct': 'Other', 'data': { 'c': 'Nope' } }\n").errors();

    assertThat(errors).extracting(Diagnostic::message).containsExactly(
        "struct has unknown key 'bogus'\nValid keys are 'base', 'data', 'features', 'if', 'struct'.",
        "member 'c' uses unknown type 'Nope'");
  }

  @Test
  void aBrokenBaseSilencesItsDependents() {
    var errors = SchemaReader.strict().readText("y.json",
        "{ 'struct': 'Aa', 'base': 'Bb', 'data': {} }\n"
            + "{ 'struct': 'Bb', 'base': 'Aa', 'data': {} }\n"
            + "{ 'struct': 'Cc', 'base': 'Aa', 'data': {} }\n").errors();

    assertThat(errors).extracting(Diagnostic::message).containsExactly("object Aa contains itself");
  }
}
