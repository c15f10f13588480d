package io.integrator.netsuite;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the codec and the searches know about one SuiteTalk record type: its XML type and namespace
 * prefix, the basic search that finds it, its item sublist and the schema order of its common body
 * fields (NetSuite reads a record's elements in the order of its XSD sequence).
 *
 * @param name camel-case type ({@code salesOrder}), also the RecordRef {@code type} value
 * @param xmlType the xsi:type local name ({@code SalesOrder})
 * @param prefix our namespace prefix for the record ({@code tranSales})
 * @param search the basic search type ({@code TransactionSearchBasic})
 * @param transactionType the {@code type} value of a transaction search ({@code _salesOrder}), or
 *     null for other records
 * @param canBeInactive true when the record has {@code isInactive} (entities, items, custom records)
 * @param order schema order of the body fields we know, sublists and customFieldList last
 */
record SuiteTalkRecordType(String name, String xmlType, String prefix, String search,
    String transactionType, boolean canBeInactive, List<String> order) {

  private static final List<String> CUSTOMER = List.of("customForm", "entityId", "altName",
      "isPerson", "phoneticName", "salutation", "firstName", "middleName", "lastName",
      "companyName", "entityStatus", "parent", "phone", "fax", "email", "url", "defaultAddress",
      "isInactive", "category", "title", "printOnCheckAs", "altPhone", "homePhone", "mobilePhone",
      "altEmail", "language", "comments", "numberFormat", "negativeNumberFormat", "dateCreated",
      "image", "emailPreference", "subsidiary", "representingSubsidiary", "salesRep", "territory",
      "contribPct", "partner", "salesGroup", "vatRegNumber", "accountNumber", "taxExempt", "terms",
      "creditLimit", "creditHoldOverride", "monthlyClosing", "overrideCurrencyFormat",
      "displaySymbol", "symbolPlacement", "balance", "overdueBalance", "daysOverdue",
      "unbilledOrders", "consolUnbilledOrders", "consolOverdueBalance", "consolDepositBalance",
      "consolBalance", "consolAging", "consolAging1", "consolAging2", "consolAging3",
      "consolAging4", "consolDaysOverdue", "priceLevel", "currency", "prefCCProcessor",
      "depositBalance", "shipComplete", "taxable", "taxItem", "resaleNumber", "aging", "aging1",
      "aging2", "aging3", "aging4", "startDate", "alcoholRecipientType", "endDate",
      "reminderDays", "shippingItem", "thirdPartyAcct", "thirdPartyZipcode", "thirdPartyCountry",
      "thirdPartyCarrier", "giveAccess", "estimatedBudget", "accessRole", "sendEmail",
      "assignedWebSite", "password", "password2", "requirePwdChange", "campaignCategory",
      "sourceWebSite", "leadSource", "receivablesAccount", "drAccount", "fxAccount",
      "defaultOrderPriority", "webLead", "referrer", "keywords", "clickStream",
      "lastPageVisited", "visits", "firstVisit", "lastVisit", "billPay", "openingBalance",
      "lastModifiedDate", "openingBalanceDate", "openingBalanceAccount", "stage",
      "emailTransactions", "printTransactions", "faxTransactions", "defaultTaxReg",
      "syncPartnerTeams", "isBudgetApproved", "globalSubscriptionStatus", "salesReadiness",
      "salesTeamList", "buyingReason", "downloadList", "buyingTimeFrame", "addressbookList",
      "subscriptionsList", "contactRolesList", "currencyList", "creditCardsList", "partnersList",
      "groupPricingList", "itemPricingList", "taxRegistrationList", "customFieldList");

  private static final List<String> CONTACT = List.of("customForm", "entityId", "contactSource",
      "company", "salutation", "firstName", "middleName", "lastName", "title", "phone", "fax",
      "email", "defaultAddress", "isPrivate", "isInactive", "subsidiary", "phoneticName",
      "categoryList", "altEmail", "officePhone", "homePhone", "mobilePhone", "supervisor",
      "supervisorPhone", "assistant", "assistantPhone", "comments", "globalSubscriptionStatus",
      "image", "billPay", "dateCreated", "lastModifiedDate", "addressbookList",
      "subscriptionsList", "customFieldList");

  private static final List<String> VENDOR = List.of("customForm", "entityId", "altName",
      "isPerson", "phoneticName", "salutation", "firstName", "middleName", "lastName",
      "companyName", "phone", "fax", "email", "url", "defaultAddress", "isInactive",
      "lastModifiedDate", "dateCreated", "category", "title", "printOnCheckAs", "altPhone",
      "homePhone", "mobilePhone", "altEmail", "comments", "globalSubscriptionStatus", "image",
      "emailPreference", "subsidiary", "representingSubsidiary", "accountNumber",
      "legalName", "vatRegNumber", "expenseAccount", "payablesAccount", "terms", "incoterm",
      "creditLimit", "balancePrimary", "openingBalance", "openingBalanceDate",
      "openingBalanceAccount", "balance", "unbilledOrdersPrimary", "bcn", "unbilledOrders",
      "currency", "is1099Eligible", "isJobResourceVend", "laborCost", "purchaseOrderQuantity",
      "purchaseOrderAmount", "purchaseOrderQuantityDiff", "receiptQuantity", "receiptAmount",
      "receiptQuantityDiff", "workCalendar", "taxIdNum", "taxItem", "giveAccess", "sendEmail",
      "billPay", "isAccountant", "password", "password2", "requirePwdChange", "eligibleForCommission",
      "emailTransactions", "printTransactions", "faxTransactions", "defaultTaxReg",
      "pricingScheduleList", "subscriptionsList", "addressbookList", "currencyList",
      "rolesList", "taxRegistrationList", "customFieldList");

  private static final List<String> EMPLOYEE = List.of("customForm", "template", "entityId",
      "salutation", "firstName", "middleName", "lastName", "altName", "phone", "fax", "email",
      "defaultAddress", "isInactive", "phoneticName", "lastModifiedDate", "dateCreated",
      "initials", "officePhone", "homePhone", "mobilePhone", "subsidiary", "department", "class",
      "location", "currency", "title", "supervisor", "approver", "isSalesRep", "isSupportRep",
      "isJobResource", "laborCost", "birthDate", "hireDate", "releaseDate", "comments",
      "giveAccess", "sendEmail", "password", "password2", "requirePwdChange", "addressbookList",
      "rolesList", "customFieldList");

  private static final List<String> TRANSACTION = List.of("createdDate", "lastModifiedDate",
      "nexus", "subsidiaryTaxRegNum", "taxRegOverride", "taxDetailsOverride", "customForm",
      "currency", "drAccount", "fxAccount", "entity", "billingAccount", "recurringBill",
      "vatRegNum", "entityTaxRegNum", "taxPointDate", "taxPointDateOverride", "job",
      "createdFrom", "tranDate", "tranId", "entityStatus", "source", "originator",
      "orderStatus", "nextBill", "opportunity", "salesRep", "contribPct", "partner",
      "salesGroup", "syncSalesTeams", "leadSource", "startDate", "endDate", "otherRefNum",
      "memo", "salesEffectiveDate", "excludeCommission", "totalCostEstimate", "estGrossProfit",
      "estGrossProfitPercent", "exchangeRate", "promoCode", "currencyName", "discountItem",
      "discountRate", "isTaxable", "taxItem", "taxRate", "toBeEmailed", "email", "toBePrinted",
      "toBeFaxed", "fax", "messageSel", "message", "paymentMethod", "billAddressList",
      "billingAddress", "shipAddressList", "shippingAddress", "fob", "shipDate",
      "actualShipDate", "shipMethod", "shippingCost", "shippingTax1Rate", "isMultiShipTo",
      "shippingTax2Rate", "shippingTaxCode", "handlingTaxCode", "handlingTax1Rate",
      "handlingCost", "handlingTax2Rate", "linkedTrackingNumbers", "trackingNumbers",
      "shipComplete", "subTotal", "discountTotal", "taxTotal", "altShippingCost",
      "altHandlingCost", "total", "balance", "terms", "dueDate", "department", "class",
      "location", "subsidiary", "status", "itemList", "shipGroupList", "salesTeamList",
      "partnersList", "customFieldList");

  private static final List<String> ITEM = List.of("createdDate", "lastModifiedDate",
      "customForm", "itemId", "upcCode", "displayName", "vendorName", "parent", "isOnline",
      "isGcoCompliant", "offerSupport", "isInactive", "availableToPartners", "subsidiaryList",
      "department", "class", "location", "includeChildren", "taxSchedule", "units", "stockUnit",
      "purchaseUnit", "saleUnit", "cost", "costUnits", "purchaseDescription", "salesDescription",
      "description", "rate", "price", "incomeAccount", "expenseAccount", "cogsAccount",
      "assetAccount", "isTaxable", "weight", "weightUnit", "quantityOnHand", "currency",
      "pricingMatrix", "itemVendorList", "locationsList", "customFieldList");

  private static final List<String> CUSTOM = List.of("customForm", "isInactive", "disclaimer",
      "created", "lastModified", "name", "autoName", "altName", "owner", "recType",
      "enableNumbering", "numberingPrefix", "numberingSuffix", "numberingMinDigits",
      "description", "parent", "customFieldList");

  /** Line field order of transaction item lines ({@code itemList.item}). */
  static final List<String> ITEM_LINE = List.of("job", "subscription", "item", "quantityAvailable",
      "expandItemGroup", "lineUniqueKey", "quantityOnHand", "itemReceive", "quantity", "units",
      "inventoryDetail", "description", "price", "rate", "serialNumbers", "amount", "isTaxable",
      "commitInventory", "orderPriority", "licenseCode", "options", "department", "class",
      "location", "orderLine", "createPo", "createdPo", "altSalesAmt", "createWo", "poVendor",
      "poCurrency", "poRate", "revRecSchedule", "revRecStartDate", "revRecTermInMonths",
      "revRecEndDate", "deferRevRec", "isClosed", "itemFulfillmentChoice", "catchUpPeriod",
      "billingSchedule", "fromJob", "grossAmt", "taxAmount", "excludeFromRateRequest",
      "isEstimate", "line", "percentComplete", "costEstimateType", "costEstimate",
      "quantityBackOrdered", "quantityBilled", "quantityCommitted", "quantityFulfilled",
      "quantityPacked", "quantityPicked", "tax1Amt", "taxCode", "taxRate1", "taxRate2",
      "giftCertFrom", "giftCertRecipientName", "giftCertRecipientEmail", "giftCertMessage",
      "giftCertNumber", "shipGroup", "itemIsFulfilled", "shipAddress", "shipMethod",
      "customFieldList");

  /** Field order of an addressbook line. */
  static final List<String> ADDRESSBOOK_LINE = List.of("defaultShipping", "defaultBilling",
      "isResidential", "label", "addressbookAddress", "internalId");

  /** Field order of common:Address. */
  static final List<String> ADDRESS = List.of("country", "attention", "addressee", "addrPhone",
      "addr1", "addr2", "addr3", "city", "state", "zip", "addrText", "override",
      "customFieldList");

  private static final Map<String, SuiteTalkRecordType> BY_NAME = table();

  /**
   * Finds a record type by name, case-insensitively ({@code SalesOrder}, {@code salesorder} and
   * {@code salesOrder} are the same).
   *
   * @throws IllegalArgumentException naming the known types when the type is unknown
   */
  static SuiteTalkRecordType of(String name) {
    SuiteTalkRecordType t = name == null ? null : BY_NAME.get(name.toLowerCase(Locale.ROOT));
    if (t == null) {
      throw new IllegalArgumentException("unknown NetSuite record type '" + name + "'; the web"
          + " services adaptor knows " + known());
    }
    return t;
  }

  /** The known type names. */
  static Set<String> known() {
    return new java.util.TreeSet<>(BY_NAME.values().stream().map(SuiteTalkRecordType::name)
        .toList());
  }

  /** True for transactions (they have an item sublist and no isInactive). */
  boolean isTransaction() {
    return transactionType != null;
  }

  /** The schema position of a body field, or -1 when it is not in our table. */
  int position(String field) {
    return order.indexOf(field);
  }

  private static Map<String, SuiteTalkRecordType> table() {
    Map<String, SuiteTalkRecordType> m = new HashMap<>();
    put(m, new SuiteTalkRecordType("customer", "Customer", "listRel", "CustomerSearchBasic", null,
        true, CUSTOMER));
    put(m, new SuiteTalkRecordType("contact", "Contact", "listRel", "ContactSearchBasic", null,
        true, CONTACT));
    put(m, new SuiteTalkRecordType("vendor", "Vendor", "listRel", "VendorSearchBasic", null, true,
        VENDOR));
    put(m, new SuiteTalkRecordType("employee", "Employee", "listEmp", "EmployeeSearchBasic", null,
        true, EMPLOYEE));
    for (String[] t : new String[][] {{"salesOrder", "tranSales"}, {"invoice", "tranSales"},
        {"cashSale", "tranSales"}, {"estimate", "tranSales"}, {"itemFulfillment", "tranSales"},
        {"purchaseOrder", "tranPurch"}, {"creditMemo", "tranCust"},
        {"returnAuthorization", "tranCust"}}) {
      put(m, new SuiteTalkRecordType(t[0], upper(t[0]), t[1], "TransactionSearchBasic",
          "_" + t[0], false, TRANSACTION));
    }
    for (String t : List.of("inventoryItem", "nonInventorySaleItem", "serviceSaleItem")) {
      put(m, new SuiteTalkRecordType(t, upper(t), "listAcct", "ItemSearchBasic", null, true,
          ITEM));
    }
    // "item" finds every item type (lookups on recordType Item); records are added by their own type
    put(m, new SuiteTalkRecordType("item", "Item", "listAcct", "ItemSearchBasic", null, true,
        ITEM));
    put(m, new SuiteTalkRecordType("customRecord", "CustomRecord", "setupCustom",
        "CustomRecordSearchBasic", null, true, CUSTOM));
    return m;
  }

  private static void put(Map<String, SuiteTalkRecordType> m, SuiteTalkRecordType t) {
    m.put(t.name().toLowerCase(Locale.ROOT), t);
  }

  private static String upper(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
