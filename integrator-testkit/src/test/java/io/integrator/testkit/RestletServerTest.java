package io.integrator.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The RESTlet server's own rules: unsigned calls are refused, filter expressions, extraction. The
 * protocol end to end is tested with the adaptor's signed client in integrator-adaptor-netsuite.
 */
class RestletServerTest {

    static ObjectNode json(String s) throws Exception {
        return (ObjectNode) Json.MAPPER.readTree(s);
    }

    @Test
    void unsignedAndWronglySignedCallsGetInvalidLoginAndChangeNothing() throws Exception {
        try (RestletServer ns = RestletServer.builder().start()) {
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(ns.restletUrl())
                    .POST(HttpRequest.BodyPublishers.ofString("{\"operation\": \"ping\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(Json.MAPPER.readTree(r.body()).path("error").path("code").asText()).isEqualTo("INVALID_LOGIN_ATTEMPT");
            HttpResponse<String> forged = http.send(HttpRequest.newBuilder(ns.restletUrl())
                    .header("Authorization", "OAuth realm=\"123456\", oauth_consumer_key=\"consumer-key\", "
                            + "oauth_token=\"token-id\", oauth_signature_method=\"HMAC-SHA256\", oauth_timestamp=\"1\", "
                            + "oauth_nonce=\"n\", oauth_version=\"1.0\", oauth_signature=\"AAAA\"")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"operation\": \"ping\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(forged.statusCode()).isEqualTo(401);
            assertThat(ns.calls()).extracting(RestletCall::authProblem)
                    .containsExactly("no OAuth Authorization header", "signature does not match");
            assertThat(ns.restletUrl().toString()).endsWith(
                    "/app/site/hosting/restlet.nl?script=customscript_integrator_da_restlet&deploy=customdeploy_integrator_da_restlet");
        }
    }

    @Test
    void filterExpressionsParseFillAndMatch() throws Exception {
        JsonNode e = RestletFilter.parse(TextNode.valueOf(
                "[['tranid','is','{{o.num}}'],'OR',['custbody_web_id','is',\"{{o.num}}\"]]"), "test");
        JsonNode filled = RestletFilter.fill(e, json("{\"o\": {\"num\": \"W-1\"}}"));
        assertThat(filled.toString()).isEqualTo("[[\"tranid\",\"is\",\"W-1\"],\"OR\",[\"custbody_web_id\",\"is\",\"W-1\"]]");
        assertThat(RestletFilter.matches(filled, json("{\"custbody_web_id\": \"w-1\"}"))).isTrue();
        assertThat(RestletFilter.matches(filled, json("{\"tranid\": \"W-2\"}"))).isFalse();
        JsonNode q = RestletFilter.parse(TextNode.valueOf("['total', '>=', '1000']"), "qualifier");
        assertThat(RestletFilter.matches(q, json("{\"total\": 1000.0}"))).isTrue();
        assertThat(RestletFilter.matches(q, json("{\"total\": \"999.99\"}"))).isFalse();
        JsonNode not = RestletFilter.parse(TextNode.valueOf("['NOT', ['status','anyof','A','B'], 'AND', ['x','isnotempty']]"), "t");
        assertThat(RestletFilter.matches(not, json("{\"status\": \"C\", \"x\": 1}"))).isTrue();
        assertThat(RestletFilter.matches(not, json("{\"status\": \"B\", \"x\": 1}"))).isFalse();
        assertThatThrownBy(() -> RestletFilter.parse(TextNode.valueOf("['a','is'"), "qualifier"))
                .hasMessageContaining("qualifier").hasMessageContaining("expects , or ]");
    }

    @Test
    void extractReadsPathsLinesAndTemplates() throws Exception {
        ObjectNode r = json("{\"a\": {\"b\": 1}, \"lines\": [{\"x\": \"p\"}, {\"x\": \"q\"}], \"f\": \"Ann\", \"l\": \"Lee\"}");
        assertThat(RestletMapper.extract(r, "a.b", -1).asInt()).isEqualTo(1);
        assertThat(RestletMapper.extract(r, "lines[*].x", 1).asText()).isEqualTo("q");
        assertThat(RestletMapper.extract(r, "lines[0].x", -1).asText()).isEqualTo("p");
        assertThat(RestletMapper.extract(r, "lines[*].x", 5)).isNull();
        assertThat(RestletMapper.extract(r, "{f} {l} {missing}", -1).asText()).isEqualTo("Ann Lee ");
        // a single value where [*] expects an array counts as a one-element array
        assertThat(RestletMapper.extract(r, "a[*].b", 0).asInt()).isEqualTo(1);
        assertThat(RestletMapper.extract(r, "a[*].b", 1)).isNull();
    }
}
