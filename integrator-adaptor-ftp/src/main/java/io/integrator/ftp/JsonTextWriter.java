package io.integrator.ftp;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;

/** A JSON array of the records. */
final class JsonTextWriter implements FileTextWriter {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final JsonGenerator json;
  private final Writer out;

  JsonTextWriter(Writer out) throws IOException {
    this.out = out;
    this.json = MAPPER.getFactory().createGenerator(out);
    json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    json.writeStartArray();
  }

  @Override
  public void write(ObjectNode record) throws IOException {
    MAPPER.writeTree(json, record);
  }

  @Override
  public void finish() throws IOException {
    json.writeEndArray();
    json.close();
    out.close();
  }
}
