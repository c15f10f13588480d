package io.integrator.ftp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.spi.ExportContext;
import io.integrator.spi.Page;
import io.integrator.spi.PageReader;
import io.integrator.testkit.FtpTestServer;
import io.integrator.testkit.SftpTestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Test helpers: JSON documents, connections to the testkit servers, reading every page. */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  static ObjectNode obj(String json) {
    try {
      return (ObjectNode) MAPPER.readTree(json);
    } catch (Exception e) {
      throw new IllegalArgumentException(json, e);
    }
  }

  static ObjectNode ftp(FtpTestServer s) {
    ObjectNode c = obj("{\"type\":\"ftp\",\"ftp\":{}}");
    ((ObjectNode) c.get("ftp"))
        .put("hostURI", s.host())
        .put("port", s.port())
        .put("username", s.username())
        .put("password", s.password());
    return c;
  }

  static ObjectNode sftp(SftpTestServer s) {
    ObjectNode c = obj("{\"type\":\"sftp\",\"ftp\":{}}");
    ((ObjectNode) c.get("ftp"))
        .put("hostURI", s.host())
        .put("port", s.port())
        .put("username", s.username())
        .put("password", s.password())
        .put("hostKeyFingerprint", s.hostKeyFingerprint());
    return c;
  }

  static ExportContext export(ObjectNode connection, String exportJson) {
    return new ExportContext(
        obj(exportJson), connection, Optional.empty(), Optional.empty(), 0, null, false, null);
  }

  static List<Page> pages(ExportContext ctx) throws Exception {
    List<Page> out = new ArrayList<>();
    try (PageReader r = new FtpAdaptor().openReader(ctx)) {
      for (Optional<Page> p = r.next(); p.isPresent(); p = r.next()) {
        out.add(p.get());
      }
    }
    return out;
  }

  static List<ObjectNode> records(List<Page> pages) {
    List<ObjectNode> out = new ArrayList<>();
    pages.forEach(p -> out.addAll(p.records()));
    return out;
  }
}
