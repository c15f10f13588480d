package io.integrator.netsuite;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.testkit.SuiteTalkServer;

/** Connection documents pointing at a {@link SuiteTalkServer}. */
final class Fixtures {
  static final ObjectMapper JSON = new ObjectMapper();

  private Fixtures() {}

  static ObjectNode json(String text) {
    try {
      return (ObjectNode) JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** A token-auth connection with the IClient embedded as the engine does. */
  static ObjectNode tokenConnection(SuiteTalkServer ns) {
    return tokenConnection(ns, SuiteTalkServer.TOKEN_SECRET, 1);
  }

  static ObjectNode tokenConnection(SuiteTalkServer ns, String tokenSecret, int concurrency) {
    return json("""
        {"_id": "c1", "name": "NS test", "type": "netsuite",
         "netsuite": {"account": "%s", "authType": "token", "tokenId": "%s", "tokenSecret": "%s",
           "concurrencyLevelWebServices": %d,
           "dataCenterURLs": {"webservicesDomain": "%s"},
           "_iClientId": "ic1",
           "_iClient": {"netsuite": {"consumerKey": "%s", "consumerSecret": "%s"}}}}"""
        .formatted(ns.account(), SuiteTalkServer.TOKEN_ID, tokenSecret, concurrency,
            ns.webservicesDomain(), SuiteTalkServer.CONSUMER_KEY, SuiteTalkServer.CONSUMER_SECRET));
  }

  static ObjectNode basicConnection(SuiteTalkServer ns, String password) {
    return json("""
        {"_id": "c2", "name": "NS basic", "type": "netsuite",
         "netsuite": {"account": "%s", "email": "%s", "password": "%s", "roleId": "3",
           "dataCenterURLs": {"webservicesDomain": "%s"}}}"""
        .formatted(ns.account(), SuiteTalkServer.EMAIL, password, ns.webservicesDomain()));
  }
}
