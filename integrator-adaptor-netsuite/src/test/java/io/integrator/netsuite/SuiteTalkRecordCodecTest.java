package io.integrator.netsuite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.xml.soap.MessageFactory;
import jakarta.xml.soap.SOAPElement;
import jakarta.xml.soap.SOAPMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class SuiteTalkRecordCodecTest {
  private static final SuiteTalkNamespaces NS = new SuiteTalkNamespaces("2024_2");

  private static Element encode(SuiteTalkRecordCodec codec, ObjectNode record) throws Exception {
    SOAPMessage m = MessageFactory.newInstance().createMessage();
    SOAPElement op = m.getSOAPBody().addChildElement("addList", "platformMsgs", NS.messages);
    codec.encode(op, "record", record, null, NS);
    return SoapXml.child(op, "record");
  }

  private static SuiteTalkRecordCodec salesOrderCodec() {
    return new SuiteTalkRecordCodec(SuiteTalkRecordType.of("SalesOrder"),
        SuiteTalkCustomFields.of(Fixtures.json("""
            {"m": [{"field": "custbody_source", "type": "_freeFormText"},
                   {"field": "custcolumn_weight", "type": "_decimalNumber"},
                   {"field": "custbody_count", "type": "_integerNumber"},
                   {"field": "custbody_flag", "type": "_checkBox"},
                   {"field": "custbody_when", "type": "_date"},
                   {"field": "custbody_channel", "type": "_listRecord"},
                   {"field": "custbody_tags", "type": "_multipleSelect"}]}""").get("m")),
        Set.of("entity", "SalesOrderItem.item"), null);
  }

  @Test
  void aSalesOrderRoundTripsThroughSuiteTalkXml() throws Exception {
    ObjectNode order = Fixtures.json("""
        {"externalId": "W-1", "memo": "web order", "entity": "42", "currency": "USD",
         "tranDate": "2024-05-01", "isMultiShipTo": false,
         "billingAddress": {"zip": "94105", "city": "San Francisco", "addressee": "Ann Lee"},
         "custbody_source": "webstore", "custbody_count": 3, "custbody_flag": true,
         "custbody_when": "2024-05-02", "custbody_channel": "7", "custbody_tags": ["1", "2"],
         "SalesOrderItem": [
           {"item": "100", "quantity": 2, "rate": 9.5, "custcolumn_weight": 1.25},
           {"item": {"externalId": "SKU-2"}, "quantity": 1, "isTaxable": true}]}""");
    Element xml = encode(salesOrderCodec(), order);
    ObjectNode back = SuiteTalkRecordCodec.decode(xml);

    assertThat(back.path("externalId").asText()).isEqualTo("W-1");
    assertThat(back.path("memo").asText()).isEqualTo("web order");
    assertThat(back.path("entity").path("internalId").asText()).isEqualTo("42");
    assertThat(back.path("currency").path("name").asText()).isEqualTo("USD");
    assertThat(back.path("tranDate").asText()).isEqualTo("2024-05-01T00:00:00Z");
    assertThat(back.path("isMultiShipTo").asBoolean(true)).isFalse();
    assertThat(back.path("billingAddress").path("city").asText()).isEqualTo("San Francisco");
    assertThat(back.path("custbody_source").asText()).isEqualTo("webstore");
    assertThat(back.path("custbody_count").asLong()).isEqualTo(3);
    assertThat(back.path("custbody_flag").asBoolean()).isTrue();
    assertThat(back.path("custbody_channel").path("internalId").asText()).isEqualTo("7");
    assertThat(back.path("custbody_tags").size()).isEqualTo(2);
    assertThat(back.path("itemList")).hasSize(2);
    assertThat(back.path("itemList").get(0).path("item").path("internalId").asText())
        .isEqualTo("100");
    assertThat(back.path("itemList").get(0).path("custcolumn_weight").decimalValue())
        .isEqualByComparingTo("1.25");
    assertThat(back.path("itemList").get(1).path("item").path("externalId").asText())
        .isEqualTo("SKU-2");
  }

  @Test
  void elementsFollowTheSchemaOrderAndCustomFieldsComeLast() throws Exception {
    ObjectNode order = Fixtures.json("""
        {"custbody_source": "x", "SalesOrderItem": [{"quantity": 1, "item": "5"}],
         "memo": "m", "entity": "1", "tranDate": "2024-01-01", "currency": "USD",
         "billingAddress": {"zip": "1", "addr1": "Main St", "country": "_unitedStates"}}""");
    Element xml = encode(salesOrderCodec(), order);
    List<String> names = new ArrayList<>();
    SoapXml.children(xml).forEach(e -> names.add(SoapXml.local(e)));
    assertThat(names).containsExactly("currency", "entity", "tranDate", "memo", "billingAddress",
        "itemList", "customFieldList");
    List<String> line = new ArrayList<>();
    SoapXml.children(SoapXml.child(SoapXml.child(xml, "itemList"), "item"))
        .forEach(e -> line.add(SoapXml.local(e)));
    assertThat(line).containsExactly("item", "quantity");
    List<String> address = new ArrayList<>();
    SoapXml.children(SoapXml.child(xml, "billingAddress")).forEach(e -> {
      address.add(SoapXml.local(e));
      assertThat(e.getNamespaceURI()).isEqualTo(NS.common);
    });
    assertThat(address).containsExactly("country", "addr1", "zip");
    assertThat(SoapXml.xsiType(xml)).isEqualTo("SalesOrder");
    assertThat(xml.getAttributeNS(SuiteTalkNamespaces.XSI, "type")).isEqualTo("tranSales:SalesOrder");
    assertThat(SoapXml.child(xml, "memo").getNamespaceURI())
        .isEqualTo("urn:sales_2024_2.transactions.webservices.netsuite.com");
  }

  @Test
  void customFieldRefsAreTypedByMetadata() throws Exception {
    Element xml = encode(salesOrderCodec(), Fixtures.json("""
        {"custbody_source": "a", "custbody_count": "4", "custbody_flag": "yes",
         "custbody_channel": "3", "custbody_tags": "1, 2", "custbody_when": "2024-02-03"}"""));
    List<String> types = new ArrayList<>();
    SoapXml.children(SoapXml.child(xml, "customFieldList"))
        .forEach(e -> types.add(SoapXml.attr(e, "scriptId") + "=" + SoapXml.xsiType(e)));
    assertThat(types).containsExactly("custbody_source=StringCustomFieldRef",
        "custbody_count=LongCustomFieldRef", "custbody_flag=BooleanCustomFieldRef",
        "custbody_channel=SelectCustomFieldRef", "custbody_tags=MultiSelectCustomFieldRef",
        "custbody_when=DateCustomFieldRef");
  }

  @Test
  void aCustomFieldWithoutMetadataIsARecordErrorThatSaysWhatToAdd() {
    SuiteTalkRecordCodec codec = new SuiteTalkRecordCodec(SuiteTalkRecordType.of("customer"),
        SuiteTalkCustomFields.of(null), Set.of(), null);
    assertThatThrownBy(() -> encode(codec, Fixtures.json("{\"custentity_vip\": true}")))
        .isInstanceOf(SuiteTalkRecordException.class)
        .hasMessageContaining("custentity_vip")
        .hasMessageContaining("netsuite.customFieldMetadata");
    assertThat(codec.check(Fixtures.json("{\"custentity_vip\": true}"), null, NS))
        .contains("custentity_vip");
    assertThat(codec.check(Fixtures.json("{\"companyName\": \"A\"}"), null, NS)).isNull();
  }

  @Test
  void aBadNumberForADecimalCustomFieldNamesTheField() {
    assertThat(salesOrderCodec().check(Fixtures.json("""
        {"SalesOrderItem": [{"item": "1", "custcolumn_weight": "heavy"}]}"""), null, NS))
        .contains("SalesOrderItem.custcolumn_weight").contains("number");
  }

  @Test
  void customersGetAddressbookListsAndNullsGoToNullFieldList() throws Exception {
    SuiteTalkRecordCodec codec = new SuiteTalkRecordCodec(SuiteTalkRecordType.of("Customer"),
        SuiteTalkCustomFields.of(null), Set.of(), null);
    Element xml = encode(codec, Fixtures.json("""
        {"companyName": "Acme", "phone": null, "addressbook": [
          {"defaultBilling": true, "addressbookAddress": {"city": "Oslo", "country": "_norway"}}]}"""));
    ObjectNode back = SuiteTalkRecordCodec.decode(xml);
    assertThat(SoapXml.local(SoapXml.children(xml).get(0))).isEqualTo("nullFieldList");
    assertThat(SoapXml.childText(SoapXml.child(xml, "nullFieldList"), "name")).isEqualTo("phone");
    assertThat(back.path("addressbookList").get(0).path("addressbookAddress").path("city").asText())
        .isEqualTo("Oslo");
    assertThat(back.path("addressbookList").get(0).path("defaultBilling").asBoolean()).isTrue();
  }

  @Test
  void everyTypeOfTheBriefIsKnown() {
    for (String t : List.of("customer", "contact", "vendor", "employee", "salesOrder", "invoice",
        "cashSale", "purchaseOrder", "itemFulfillment", "creditMemo", "returnAuthorization",
        "estimate", "inventoryItem", "nonInventorySaleItem", "serviceSaleItem", "customRecord")) {
      assertThat(SuiteTalkRecordType.of(t).name()).isEqualTo(t);
    }
    assertThatThrownBy(() -> SuiteTalkRecordType.of("spaceship"))
        .hasMessageContaining("spaceship").hasMessageContaining("salesOrder");
  }
}
