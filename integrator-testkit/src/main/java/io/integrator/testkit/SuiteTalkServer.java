package io.integrator.testkit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import jakarta.xml.ws.Endpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A fake NetSuite SuiteTalk (SOAP web services) endpoint on 127.0.0.1 and a free port, for tests
 * of NetSuite imports, lookups and exports.
 *
 * <p>It is published with jaxws-rt's {@code Endpoint} over a {@code Provider<SOAPMessage>} at
 * {@code http://127.0.0.1:<port>/services/NetSuitePort_<version>}; point a connection's {@code
 * netsuite.dataCenterURLs.webservicesDomain} at {@link #webservicesDomain()}. It keeps records in
 * memory per record type with internal ids and answers {@code add}, {@code update}, {@code upsert}
 * (by externalId), {@code delete}, {@code get}, the list forms {@code addList}, {@code updateList},
 * {@code upsertList}, {@code deleteList} (a {@code writeResponse} per record with {@code
 * status isSuccess} and {@code statusDetail code/message}), {@code search} (basic searches by
 * record type with string, multi-select, enum, boolean, date and number criteria; saved searches
 * registered with {@link #savedSearch}), {@code searchMoreWithId} paging (totalRecords, totalPages,
 * pageIndex, searchId) and {@code getServerTime}.
 *
 * <p>Every call must carry a valid {@code tokenPassport} (signature checked with the secrets given
 * to {@link #addToken}; the defaults {@link #CONSUMER_KEY} ... are registered) or a {@code passport}
 * ({@link #addUser}); otherwise it answers NetSuite's {@code INVALID_LOGIN_ATTEMPT} fault. Records
 * are checked like NetSuite checks them: a customer needs {@code companyName} or {@code firstName}
 * and {@code lastName}, a sales order needs an {@code entity} that exists and at least one item
 * line whose item exists, an item needs {@code itemId}, and so on ({@code USER_ERROR}, {@code
 * INVALID_KEY_OR_REF}). Faults can be injected ({@link #failNext}, {@link #failShare}) and calls
 * are counted per operation ({@link #calls(String)}).
 *
 * <pre>{@code
 * try (SuiteTalkServer ns = SuiteTalkServer.start()) {
 *   String id = ns.addRecord("customer", Map.of("companyName", "Acme", "email", "a@acme.test"));
 *   // connection: {"type": "netsuite", "netsuite": {"account": ns.account(),
 *   //   "tokenId": SuiteTalkServer.TOKEN_ID, "tokenSecret": SuiteTalkServer.TOKEN_SECRET,
 *   //   "dataCenterURLs": {"webservicesDomain": ns.webservicesDomain()}, ...}}
 * }
 * }</pre>
 */
public final class SuiteTalkServer implements AutoCloseable {
  /** The account id of the fake. */
  public static final String ACCOUNT = "TSTDRV1234";
  /** A consumer key registered by default (its IClient's {@code netsuite.consumerKey}). */
  public static final String CONSUMER_KEY = "test-consumer-key";
  /** The secret of {@link #CONSUMER_KEY}. */
  public static final String CONSUMER_SECRET = "test-consumer-secret";
  /** A token id registered by default. */
  public static final String TOKEN_ID = "test-token-id";
  /** The secret of {@link #TOKEN_ID}. */
  public static final String TOKEN_SECRET = "test-token-secret";
  /** A legacy login registered by default. */
  public static final String EMAIL = "admin@example.test";
  /** The password of {@link #EMAIL}. */
  public static final String PASSWORD = "test-password";
  /** The web services version served by default. */
  public static final String DEFAULT_VERSION = "2024_2";

  private static final Map<String, String[]> NAMESPACES = namespaces();

  private final HttpServer http;
  private final ExecutorService executor;
  private final Endpoint endpoint;
  private final SuiteTalkService service;
  private final String version;

  private SuiteTalkServer(String version) {
    this.version = version;
    this.service = new SuiteTalkService(ACCOUNT, version);
    service.auth.token(CONSUMER_KEY, CONSUMER_SECRET, TOKEN_ID, TOKEN_SECRET);
    service.auth.user(EMAIL, PASSWORD);
    try {
      this.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("could not bind the SuiteTalk fake to 127.0.0.1", e);
    }
    this.executor = Executors.newFixedThreadPool(8, r -> {
      Thread t = new Thread(r, "suitetalk-fake");
      t.setDaemon(true);
      return t;
    });
    http.setExecutor(executor);
    this.endpoint = Endpoint.create(service);
    endpoint.publish(http.createContext("/services/NetSuitePort_" + version));
    http.start();
  }

  /** Starts a fake serving version {@value #DEFAULT_VERSION}. */
  public static SuiteTalkServer start() {
    return new SuiteTalkServer(DEFAULT_VERSION);
  }

  /**
   * Starts a fake serving another web services version (its namespaces and endpoint path).
   *
   * @param version e.g. {@code 2023_1}
   */
  public static SuiteTalkServer start(String version) {
    return new SuiteTalkServer(version);
  }

  /** {@code http://127.0.0.1:<port>}: the value for {@code netsuite.dataCenterURLs.webservicesDomain}. */
  public String webservicesDomain() {
    return "http://127.0.0.1:" + port();
  }

  /** The SOAP endpoint URL. */
  public String endpoint() {
    return webservicesDomain() + "/services/NetSuitePort_" + version;
  }

  /** The port the fake listens on. */
  public int port() {
    return http.getAddress().getPort();
  }

  /** The account id ({@link #ACCOUNT}). */
  public String account() {
    return ACCOUNT;
  }

  /** Registers token-based credentials (an integration's consumer and an access token). */
  public void addToken(String consumerKey, String consumerSecret, String tokenId,
      String tokenSecret) {
    service.auth.token(consumerKey, consumerSecret, tokenId, tokenSecret);
  }

  /** Registers a legacy email and password login. */
  public void addUser(String email, String password) {
    service.auth.user(email, password);
  }

  /**
   * Adds a record directly (test data), checked by the same rules as a client's add.
   *
   * @param recordType camel-case type ({@code customer}, {@code inventoryItem}, {@code salesOrder})
   * @param fields body fields: a value that is a {@code Map} becomes a RecordRef (its
   *     {@code internalId}, {@code externalId} and {@code name}); a {@code List} of maps becomes a
   *     sublist ({@code itemList} of {@code item} lines, each line's fields converted the same
   *     way); keys starting with {@code cust} become custom fields (a {@code Boolean} a
   *     BooleanCustomFieldRef, a {@code Number} a DoubleCustomFieldRef, else a
   *     StringCustomFieldRef); the key {@code externalId} sets the record's external id; anything
   *     else becomes the field's text
   * @return the new internal id
   * @throws IllegalArgumentException when NetSuite's rules refuse the record
   */
  public String addRecord(String recordType, Map<String, ?> fields) {
    String[] ns = NAMESPACES.get(recordType);
    if (ns == null) {
      throw new IllegalArgumentException("the SuiteTalk fake does not know record type "
          + recordType + "; known: " + NAMESPACES.keySet());
    }
    Document doc = service.store.document();
    Element rec;
    synchronized (service.store) {
      rec = doc.createElementNS(ns[1], ns[0] + ":record");
      rec.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:" + ns[0], ns[1]);
      rec.setAttributeNS(SuiteTalkDom.XSI, "xsi:type", ns[0] + ":"
          + Character.toUpperCase(recordType.charAt(0)) + recordType.substring(1));
      Element custom = null;
      for (Map.Entry<String, ?> e : fields.entrySet()) {
        if (e.getKey().equals("externalId")) {
          rec.setAttribute("externalId", String.valueOf(e.getValue()));
          continue;
        }
        if (e.getKey().startsWith("cust")) {
          if (custom == null) {
            custom = doc.createElementNS(ns[1], ns[0] + ":customFieldList");
          }
          custom.appendChild(customField(doc, e.getKey(), e.getValue()));
          continue;
        }
        rec.appendChild(field(doc, ns, e.getKey(), e.getValue()));
      }
      if (custom != null) {
        rec.appendChild(custom);
      }
    }
    SuiteTalkStore.Write w = service.store.add(recordType, rec);
    if (!w.ok()) {
      throw new IllegalArgumentException(w.code() + ": " + w.message());
    }
    return w.internalId();
  }

  private static final String CORE = "urn:core_" + DEFAULT_VERSION
      + ".platform.webservices.netsuite.com";

  private static Element customField(Document doc, String script, Object value) {
    Element cf = doc.createElementNS(CORE, "platformCore:customField");
    String type = value instanceof Boolean ? "BooleanCustomFieldRef"
        : value instanceof Number ? "DoubleCustomFieldRef" : "StringCustomFieldRef";
    cf.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:platformCore", CORE);
    cf.setAttributeNS(SuiteTalkDom.XSI, "xsi:type", "platformCore:" + type);
    cf.setAttribute("scriptId", script);
    Element v = doc.createElementNS(CORE, "platformCore:value");
    v.setTextContent(String.valueOf(value));
    cf.appendChild(v);
    return cf;
  }

  private static Element field(Document doc, String[] ns, String name, Object value) {
    Element f = doc.createElementNS(ns[1], ns[0] + ":" + name);
    if (value instanceof Map<?, ?> ref) {
      for (String a : List.of("internalId", "externalId")) {
        if (ref.get(a) != null) {
          f.setAttribute(a, String.valueOf(ref.get(a)));
        }
      }
      if (ref.get("name") != null) {
        Element n = doc.createElementNS(ns[1], ns[0] + ":name");
        n.setTextContent(String.valueOf(ref.get("name")));
        f.appendChild(n);
      }
    } else if (value instanceof List<?> lines) {
      String lineName = name.endsWith("List") ? name.substring(0, name.length() - 4) : name;
      for (Object line : lines) {
        Element l = doc.createElementNS(ns[1], ns[0] + ":" + lineName);
        for (Map.Entry<?, ?> e : ((Map<?, ?>) line).entrySet()) {
          l.appendChild(field(doc, ns, String.valueOf(e.getKey()), e.getValue()));
        }
        f.appendChild(l);
      }
    } else {
      f.setTextContent(String.valueOf(value));
    }
    return f;
  }

  /**
   * A stored record as JSON: {@code internalId}, {@code externalId}, body fields as text,
   * RecordRefs as {@code {internalId, externalId, name}}, sublists ({@code itemList}, {@code
   * addressbookList}) as arrays of line objects, {@code customFieldList} as an object by script id.
   */
  public Optional<ObjectNode> record(String recordType, String internalId) {
    Element e = service.store.findById(recordType, internalId);
    return e == null ? Optional.empty() : Optional.of(toJson(e));
  }

  /** Every stored record of a type as JSON ({@link #record}), in insertion order. */
  public List<ObjectNode> records(String recordType) {
    List<ObjectNode> out = new ArrayList<>();
    for (Element e : service.store.all(recordType)) {
      out.add(toJson(e));
    }
    return out;
  }

  /**
   * Registers a saved search: {@code search} calls with an advanced search whose {@code
   * savedSearchId} is {@code searchId} return the records of {@code recordType} whose fields equal
   * {@code equals} (and match the request's own criteria).
   */
  public void savedSearch(String searchId, String recordType, Map<String, String> equals) {
    Document doc = service.store.document();
    Element basic;
    synchronized (service.store) {
      basic = doc.createElementNS(null, "basic");
      for (Map.Entry<String, String> e : equals.entrySet()) {
        Element f = doc.createElementNS(null, e.getKey());
        f.setAttribute("operator", "is");
        Element v = doc.createElementNS(null, "searchValue");
        v.setTextContent(e.getValue());
        f.appendChild(v);
        basic.appendChild(f);
      }
    }
    service.savedSearches.put(searchId,
        new SuiteTalkService.SavedSearch(List.of(recordType), basic));
  }

  /** The next {@code count} calls (any operation) fail with NetSuite's fault for {@code code}. */
  public void failNext(int count, String code) {
    service.faults.next(count, code);
  }

  /** A seeded share (0..1) of calls fails with the fault for {@code code}. */
  public void failShare(double share, long seed, String code) {
    service.faults.share(share, seed, code);
  }

  /** Stops injecting faults. */
  public void clearFaults() {
    service.faults.clear();
  }

  /** How many calls of an operation ({@code search}, {@code addList}...) arrived, faulted ones included. */
  public int calls(String operation) {
    var c = service.calls.get(operation);
    return c == null ? 0 : c.get();
  }

  /** Calls per operation so far. */
  public Map<String, Integer> calls() {
    Map<String, Integer> out = new TreeMap<>();
    service.calls.forEach((k, v) -> out.put(k, v.get()));
    return out;
  }

  /** Forgets the call counts. */
  public void resetCalls() {
    service.calls.clear();
    service.maxInFlight.set(0);
  }

  /** The most calls that were in progress at the same time. */
  public int maxConcurrentCalls() {
    return service.maxInFlight.get();
  }

  @Override
  public void close() {
    endpoint.stop();
    http.stop(0);
    executor.shutdownNow();
  }

  /** The record types a search type covers ({@code TransactionSearchBasic}: every transaction). */
  static List<String> typesOfSearch(String xsiType) {
    if (xsiType == null) {
      return List.of();
    }
    String family = xsiType.replaceAll("Search(Basic|Advanced)?$", "");
    return switch (family) {
      case "Transaction" -> List.copyOf(SuiteTalkRules.TRANSACTIONS);
      case "Item" -> List.copyOf(SuiteTalkRules.ITEMS);
      default -> {
        String t = SuiteTalkDom.camel(family);
        yield NAMESPACES.containsKey(t) ? List.of(t) : List.of();
      }
    };
  }

  private static ObjectNode toJson(Element e) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    for (String a : List.of("internalId", "externalId")) {
      if (SuiteTalkDom.attr(e, a) != null) {
        o.put(a, SuiteTalkDom.attr(e, a));
      }
    }
    for (Element c : SuiteTalkDom.children(e)) {
      String name = SuiteTalkDom.local(c);
      List<Element> kids = SuiteTalkDom.children(c);
      if (name.equals("customFieldList")) {
        ObjectNode cf = o.putObject(name);
        for (Element f : kids) {
          Element v = SuiteTalkDom.child(f, "value");
          String script = SuiteTalkDom.attr(f, "scriptId");
          if (v == null) {
            cf.putNull(script);
          } else if (v.hasAttribute("internalId") || v.hasAttribute("externalId")) {
            cf.set(script, toJson(v));
          } else {
            cf.put(script, v.getTextContent().trim());
          }
        }
      } else if (isRef(c)) {
        ObjectNode r = o.putObject(name);
        for (String a : List.of("internalId", "externalId")) {
          if (SuiteTalkDom.attr(c, a) != null) {
            r.put(a, SuiteTalkDom.attr(c, a));
          }
        }
        if (SuiteTalkDom.text(c, "name") != null) {
          r.put("name", SuiteTalkDom.text(c, "name"));
        }
      } else if (name.endsWith("List") && !kids.isEmpty()) {
        ArrayNode arr = o.putArray(name);
        for (Element line : kids) {
          arr.add(toJson(line));
        }
      } else if (!kids.isEmpty()) {
        o.set(name, toJson(c));
      } else {
        o.put(name, c.getTextContent().trim());
      }
    }
    return o;
  }

  private static boolean isRef(Element c) {
    if (!c.hasAttribute("internalId") && !c.hasAttribute("externalId")) {
      return false;
    }
    for (Element k : SuiteTalkDom.children(c)) {
      if (!SuiteTalkDom.local(k).equals("name")) {
        return false;
      }
    }
    return true;
  }

  private static Map<String, String[]> namespaces() {
    Map<String, String[]> m = new LinkedHashMap<>();
    String v = "2024_2";
    for (String t : List.of("customer", "contact", "vendor", "partner")) {
      m.put(t, new String[] {"listRel", "urn:relationships_" + v + ".lists.webservices.netsuite.com"});
    }
    m.put("employee", new String[] {"listEmp", "urn:employees_" + v + ".lists.webservices.netsuite.com"});
    for (String t : SuiteTalkRules.ITEMS) {
      m.put(t, new String[] {"listAcct", "urn:accounting_" + v + ".lists.webservices.netsuite.com"});
    }
    for (String t : Set.of("salesOrder", "invoice", "cashSale", "estimate", "itemFulfillment")) {
      m.put(t, new String[] {"tranSales", "urn:sales_" + v + ".transactions.webservices.netsuite.com"});
    }
    m.put("purchaseOrder", new String[] {"tranPurch",
        "urn:purchases_" + v + ".transactions.webservices.netsuite.com"});
    for (String t : Set.of("creditMemo", "returnAuthorization", "cashRefund")) {
      m.put(t, new String[] {"tranCust", "urn:customers_" + v + ".transactions.webservices.netsuite.com"});
    }
    m.put("customRecord", new String[] {"setupCustom",
        "urn:customization_" + v + ".setup.webservices.netsuite.com"});
    return m;
  }
}
