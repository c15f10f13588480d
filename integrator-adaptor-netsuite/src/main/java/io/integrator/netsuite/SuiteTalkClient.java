package io.integrator.netsuite;

import io.integrator.spi.Classification;
import jakarta.xml.soap.MessageFactory;
import jakarta.xml.soap.SOAPBody;
import jakarta.xml.soap.SOAPConstants;
import jakarta.xml.soap.SOAPElement;
import jakarta.xml.soap.SOAPException;
import jakarta.xml.soap.SOAPFault;
import jakarta.xml.soap.SOAPHeader;
import jakarta.xml.soap.SOAPMessage;
import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.Dispatch;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.WebServiceException;
import jakarta.xml.ws.soap.SOAPBinding;
import jakarta.xml.ws.soap.SOAPFaultException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.xml.namespace.QName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;

/**
 * Calls SuiteTalk SOAP operations of one connection.
 *
 * <p>Transport: a jaxws-rt {@code Dispatch<SOAPMessage>} (SAAJ) in message mode, without generated
 * ports. NetSuite's WSDL is huge and versioned; building messages with our own small XML codec
 * works against any version, whose namespaces come from {@code netsuite.wsdlVersion}.
 *
 * <p>Every call carries the credentials (request-level credentials, no login session): a {@code
 * tokenPassport} header (account, consumer key, token, nonce, timestamp and an HMAC-SHA256
 * signature of {@code account&consumerKey&tokenId&nonce&timestamp} keyed with {@code
 * consumerSecret&tokenSecret}) or, for legacy basic login, a {@code passport} header (email,
 * password, account, role). Search calls add {@code searchPreferences}. A fair semaphore bounds the
 * calls in flight to the connection's {@code concurrencyLevelWebServices} / {@code
 * concurrencyLevel} (default 1). An {@code INVALID_SESSION} / {@code SESSION_TIMED_OUT} fault is
 * answered by authenticating again once (a fresh passport); faults are turned into {@link
 * SuiteTalkFault}s with NetSuite's code. Nothing secret is ever logged.
 */
final class SuiteTalkClient {
  private static final Logger LOG = LoggerFactory.getLogger(SuiteTalkClient.class);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] NONCE_CHARS =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
  private static final AtomicBoolean BASIC_WARNED = new AtomicBoolean();

  /** Fills the operation element of a request body. */
  @FunctionalInterface
  interface BodyWriter {
    void write(SOAPElement operation, SuiteTalkNamespaces ns) throws SOAPException;
  }

  final NetSuiteConnection connection;
  final SuiteTalkNamespaces ns;
  private final String endpoint;
  private final Semaphore permits;
  private final Service service;
  private final QName port;
  private final MessageFactory messages;
  private final ConcurrentLinkedQueue<Dispatch<SOAPMessage>> idle = new ConcurrentLinkedQueue<>();

  SuiteTalkClient(NetSuiteConnection connection) {
    this.connection = connection;
    this.ns = new SuiteTalkNamespaces(connection.wsdlVersion);
    this.endpoint = connection.endpoint();
    this.permits = new Semaphore(connection.concurrencyWebServices, true);
    QName serviceName = new QName(ns.messages, "NetSuiteService");
    this.port = new QName(ns.messages, "NetSuitePort");
    this.service = Service.create(serviceName);
    service.addPort(port, SOAPBinding.SOAP11HTTP_BINDING, endpoint);
    try {
      this.messages = MessageFactory.newInstance(SOAPConstants.SOAP_1_1_PROTOCOL);
    } catch (SOAPException e) {
      throw new IllegalStateException("no SAAJ implementation on the classpath", e);
    }
    if (connection.authType == NetSuiteConnection.AuthType.BASIC
        && BASIC_WARNED.compareAndSet(false, true)) {
      LOG.warn("NetSuite connection {} uses basic (email and password) login; newer NetSuite"
          + " endpoints refuse it, switch to token-based authentication", connection.describe());
    }
  }

  /** The SOAP endpoint this client calls. */
  String endpoint() {
    return endpoint;
  }

  /**
   * Calls an operation and returns its response element ({@code addListResponse}, ...).
   *
   * @param operation the operation name ({@code add}, {@code searchMoreWithId}...)
   * @param prefs search preferences for search calls, or null
   * @param body fills the operation element
   * @throws SuiteTalkFault when NetSuite answered with a fault or did not answer usably
   * @throws InterruptedException when interrupted while waiting for a permit
   */
  Element call(String operation, SuiteTalkPreferences prefs, BodyWriter body)
      throws SuiteTalkFault, InterruptedException {
    permits.acquire();
    try {
      try {
        return once(operation, prefs, body);
      } catch (SuiteTalkFault f) {
        if (!f.isSession()) {
          throw f;
        }
        LOG.info("NetSuite {} answered {} to {}; authenticating again once",
            connection.describe(), f.code(), operation);
        return once(operation, prefs, body);
      }
    } finally {
      permits.release();
    }
  }

  private Element once(String operation, SuiteTalkPreferences prefs, BodyWriter body)
      throws SuiteTalkFault {
    SOAPMessage request;
    try {
      request = messages.createMessage();
      SOAPHeader header = request.getSOAPHeader();
      header.addNamespaceDeclaration("platformMsgs", ns.messages);
      header.addNamespaceDeclaration("platformCore", ns.core);
      if (connection.authType == NetSuiteConnection.AuthType.TOKEN) {
        tokenPassport(header);
      } else {
        passport(header);
      }
      if (prefs != null) {
        SOAPElement sp = header.addChildElement("searchPreferences", "platformMsgs");
        sp.addChildElement("bodyFieldsOnly", "platformCore")
            .addTextNode(Boolean.toString(prefs.bodyFieldsOnly()));
        sp.addChildElement("returnSearchColumns", "platformCore")
            .addTextNode(Boolean.toString(prefs.returnSearchColumns()));
        sp.addChildElement("pageSize", "platformCore")
            .addTextNode(Integer.toString(prefs.pageSize()));
      }
      SOAPBody b = request.getSOAPBody();
      b.addNamespaceDeclaration("xsi", SuiteTalkNamespaces.XSI);
      SOAPElement op = b.addChildElement(operation, "platformMsgs", ns.messages);
      body.write(op, ns);
      request.saveChanges();
    } catch (SOAPException e) {
      throw new SuiteTalkFault("invalid_request", "could not build the SuiteTalk " + operation
          + " request for " + connection.describe() + ": " + e.getMessage(),
          Classification.VALUE, e);
    }
    Dispatch<SOAPMessage> dispatch = dispatch();
    SOAPMessage response;
    try {
      Map<String, Object> rc = dispatch.getRequestContext();
      rc.put(BindingProvider.SOAPACTION_USE_PROPERTY, Boolean.TRUE);
      rc.put(BindingProvider.SOAPACTION_URI_PROPERTY, operation);
      response = dispatch.invoke(request);
    } catch (SOAPFaultException e) {
      throw fault(operation, e.getFault());
    } catch (WebServiceException e) {
      throw transport(operation, e);
    } finally {
      idle.offer(dispatch);
    }
    try {
      SOAPBody rb = response.getSOAPBody();
      if (rb.hasFault()) {
        throw fault(operation, rb.getFault());
      }
      Element first = SoapXml.children(rb).stream().findFirst().orElse(null);
      if (first == null) {
        throw new SuiteTalkFault("parse", "NetSuite answered " + operation + " with an empty body ("
            + endpoint + ")", Classification.PARSE, null);
      }
      return first;
    } catch (SOAPException e) {
      throw new SuiteTalkFault("parse", "could not read NetSuite's answer to " + operation + " ("
          + endpoint + "): " + e.getMessage(), Classification.PARSE, e);
    }
  }

  private Dispatch<SOAPMessage> dispatch() {
    Dispatch<SOAPMessage> d = idle.poll();
    if (d == null) {
      d = service.createDispatch(port, SOAPMessage.class, Service.Mode.MESSAGE);
      Map<String, Object> rc = d.getRequestContext();
      rc.put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, endpoint);
      rc.put("com.sun.xml.ws.connect.timeout", 30_000);
      rc.put("com.sun.xml.ws.request.timeout", 300_000);
    }
    return d;
  }

  private void tokenPassport(SOAPHeader header) throws SOAPException {
    String nonce = nonce();
    String timestamp = Long.toString(System.currentTimeMillis() / 1000);
    SOAPElement tp = header.addChildElement("tokenPassport", "platformMsgs");
    tp.addChildElement("account", "platformCore").addTextNode(connection.account);
    tp.addChildElement("consumerKey", "platformCore").addTextNode(connection.consumerKey);
    tp.addChildElement("token", "platformCore").addTextNode(connection.tokenId);
    tp.addChildElement("nonce", "platformCore").addTextNode(nonce);
    tp.addChildElement("timestamp", "platformCore").addTextNode(timestamp);
    SOAPElement sig = tp.addChildElement("signature", "platformCore");
    sig.setAttribute("algorithm", "HMAC-SHA256");
    sig.addTextNode(sign(connection.account, connection.consumerKey, connection.tokenId, nonce,
        timestamp, connection.consumerSecret, connection.tokenSecret));
  }

  private void passport(SOAPHeader header) throws SOAPException {
    SOAPElement p = header.addChildElement("passport", "platformMsgs");
    p.addChildElement("email", "platformCore").addTextNode(connection.email);
    p.addChildElement("password", "platformCore").addTextNode(connection.password);
    p.addChildElement("account", "platformCore").addTextNode(connection.account);
    if (connection.roleId != null) {
      p.addChildElement("role", "platformCore").setAttribute("internalId", connection.roleId);
    }
  }

  /**
   * The tokenPassport signature: base64 of HMAC-SHA256 over {@code
   * account&consumerKey&tokenId&nonce&timestamp} with the key {@code consumerSecret&tokenSecret}.
   */
  static String sign(String account, String consumerKey, String tokenId, String nonce,
      String timestamp, String consumerSecret, String tokenSecret) {
    String base = account + "&" + consumerKey + "&" + tokenId + "&" + nonce + "&" + timestamp;
    String key = consumerSecret + "&" + tokenSecret;
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return Base64.getEncoder().encodeToString(mac.doFinal(base.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  private static String nonce() {
    char[] c = new char[20];
    for (int i = 0; i < c.length; i++) {
      c[i] = NONCE_CHARS[RANDOM.nextInt(NONCE_CHARS.length)];
    }
    return new String(c);
  }

  private SuiteTalkFault fault(String operation, SOAPFault fault) {
    String code = null;
    String message = fault.getFaultString();
    String faultName = null;
    if (fault.getDetail() != null) {
      Element detail = SoapXml.children(fault.getDetail()).stream()
          .filter(e -> SoapXml.child(e, "code") != null).findFirst().orElse(null);
      if (detail != null) {
        faultName = SoapXml.local(detail);
        code = SoapXml.childText(detail, "code");
        String m = SoapXml.childText(detail, "message");
        message = m == null ? message : m;
      }
    }
    if (code == null) {
      code = fault.getFaultCodeAsQName() == null ? "soap_fault"
          : fault.getFaultCodeAsQName().getLocalPart();
    }
    String classification = SuiteTalkFault.classify(code, faultName);
    StringBuilder sb = new StringBuilder("NetSuite refused ").append(operation).append(" for ")
        .append(connection.describe()).append(": ").append(code).append(' ').append(message);
    if (Classification.CONNECTION.equals(classification)) {
      sb.append(" (check the token or login, the account id and the role; then ping the"
          + " connection)");
    } else if (Classification.RATE_LIMIT.equals(classification)) {
      sb.append(" (NetSuite's request or concurrency limit; the engine waits and retries. Lower"
          + " netsuite.concurrencyLevelWebServices if other integrations share the account)");
    }
    return new SuiteTalkFault(code, sb.toString(), classification, null);
  }

  private SuiteTalkFault transport(String operation, WebServiceException e) {
    String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    String classification = Classification.INTERMITTENT;
    String code = "unreachable";
    if (detail.contains("(429") || detail.contains(" 429")) {
      classification = Classification.RATE_LIMIT;
      code = "429";
    } else if (detail.contains("(401") || detail.contains("(403")) {
      classification = Classification.CONNECTION;
      code = detail.contains("(401") ? "401" : "403";
    }
    return new SuiteTalkFault(code, "SuiteTalk " + operation + " to " + endpoint + " failed for "
        + connection.describe() + ": " + detail, classification, e);
  }
}
