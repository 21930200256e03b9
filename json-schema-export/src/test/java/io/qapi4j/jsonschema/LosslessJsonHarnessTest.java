package io.qapi4j.jsonschema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The ajv harness's lossless JSON parser ({@code src/test/js/lossless-json.mjs}) passes its own
 * node tests: integers beyond 2^53 round toward minus infinity.
 */
class LosslessJsonHarnessTest {

  @Test
  void nodeTestsOfTheLosslessParserPass() throws Exception {
    String output = ExternalValidators.nodeSelfTests();

    assertThat(output).contains("# pass 3").contains("# fail 0");
  }
}
