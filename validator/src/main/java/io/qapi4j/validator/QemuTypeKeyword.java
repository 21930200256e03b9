package io.qapi4j.validator;

import com.networknt.schema.ExecutionContext;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaContext;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.keyword.Keyword;
import com.networknt.schema.keyword.KeywordValidator;
import com.networknt.schema.keyword.TypeValidator;
import com.networknt.schema.utils.JsonType;
import tools.jackson.databind.JsonNode;

/**
 * networknt's {@code type} keyword with QEMU's notion of numbers, which the exported bundle cannot
 * state: a literal with a fraction or exponent ({@code 1.0}, {@code 1e0}) is a double to QEMU's
 * JSON parser and never an integer, where JSON Schema's data model (draft 6 on) calls it the
 * integer 1; and a number beyond a double's range ({@code 1e400}, read as infinity, as QEMU's
 * {@code strtod()} does) is still a number, where networknt calls it no type at all.
 */
final class QemuTypeKeyword implements Keyword {

  @Override
  public String getValue() {
    return "type";
  }

  @Override
  public KeywordValidator newValidator(SchemaLocation location, JsonNode schemaNode,
      Schema parent, SchemaContext context) {
    return new TypeValidator(location, schemaNode, parent, context) {
      @Override
      public boolean equalsToSchemaType(JsonNode node, ExecutionContext execution) {
        if (getSchemaType() == JsonType.INTEGER && node.isNumber() && !node.isIntegralNumber()) {
          return false;
        }
        if (getSchemaType() == JsonType.NUMBER && node.isNumber()) {
          return true;
        }
        return super.equalsToSchemaType(node, execution);
      }
    };
  }
}
