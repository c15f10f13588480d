'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const fs = require('node:fs');
const { createLoader } = require('./amd');
const { createAccount } = require('./netsuite');

const SCRIPTS = path.resolve(__dirname, '../../main/suitescript');
const CABINET = path.resolve(__dirname, 'filecabinet');
const SAMPLE = JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures/distributed_import_sample.json'), 'utf8'));

function setUp(options) {
  const ns = createAccount(options);
  ns.files['1234'] = 'SuiteScripts/hooks/sample_hooks.js';
  const loader = createLoader(ns.modules, CABINET);
  const restlet = loader.load(path.join(SCRIPTS, 'integrator_da_restlet.js'));
  const hooks = loader.load(path.join(CABINET, 'SuiteScripts/hooks/sample_hooks'));
  return { ns, restlet, hooks };
}

function sampleData(ns) {
  const ids = {};
  ids.ann = ns.add('customer', { email: 'ann@example.com', entityid: 'Ann Lee' });
  ids.bob = ns.add('customer', { email: 'bob@example.com', isinactive: true });
  ids.sku1 = ns.add('item', { itemid: 'SKU1' });
  ids.sku2 = ns.add('item', { itemid: 'SKU2' });
  ids.existing = ns.add('salesorder', { tranid: 'WEB-1', memo: 'typed in' });
  return ids;
}

const WEB_ORDERS = [
  {
    web_order_num: 'WEB-1', first_name: ' Ann ', last_name: 'Lee', email: 'ann@example.com', city: 'Boston',
    zip: '02110', country: 'USA', last_order: 'WEB-0',
    order_lines: [{ sku: 'SKU1', price: 10.5, quantity: 2 }, { sku: 'SKU2', price: 3, quantity: 1 }],
    shipments: [{ ship_via: 'UPS', weight: 1.5 }], tax_percent: 8, is_taxable: true,
  },
  {
    web_order_num: 'WEB-2', first_name: 'Ann', last_name: 'Lee', email: 'ann@example.com', city: 'Tokyo',
    zip: '100', country: 'JAPAN', last_order: 'WEB-1', order_lines: [{ sku: 'SKU2', price: 7, quantity: 3 }],
    tax_percent: 0, is_taxable: false,
  },
  {
    web_order_num: 'WEB-3', first_name: 'Bob', last_name: 'Ray', email: 'bob@example.com', city: 'Leeds',
    zip: 'LS1', country: 'UK', order_lines: [{ sku: 'SKU1', price: 1, quantity: 1 }],
  },
];

test('the API document sample import: lookups, mapping, sublists, hooks, addupdate, per-record results', () => {
  const { ns, restlet, hooks } = setUp();
  const ids = sampleData(ns);

  const { results } = restlet.post({ operation: 'import', import: SAMPLE, records: WEB_ORDERS });

  assert.equal(results.length, 3);
  assert.deepEqual(results[0], { statusCode: 200, id: ids.existing, errors: [], ignored: false });
  assert.equal(results[1].statusCode, 200);
  assert.equal(results[2].statusCode, 422);
  assert.equal(results[2].errors[0].code, 'lookup_missing');
  assert.match(results[2].errors[0].message, /customerLookup.*bob@example\.com/);
  assert.equal(hooks.calls.postSubmit, 1);

  const updated = ns.db.salesorder.get(ids.existing);
  assert.equal(updated.memo, 'via DA');
  assert.equal(updated.tranid, 'WEB-1');
  assert.equal(updated.billaddressee, 'Ann Lee');
  assert.equal(updated.entity, ids.ann);
  assert.equal(updated.currency, 'USD');
  assert.equal(updated.ismultishipto, false);
  assert.equal(updated.custbody_source, 'webstore');
  assert.equal(updated.custbody_previous, '');
  assert.deepEqual(updated.item, [
    { item: ids.sku1, rate: 10.5, quantity: 2, shipmethod: 'UPS', custcolumn_weight: 1.5, taxrate1: 8, istaxable: true },
    { item: ids.sku2, rate: 3, quantity: 1, taxrate1: 8, istaxable: true },
  ]);
  const added = ns.db.salesorder.get(results[1].id);
  assert.equal(added.currency, 'JPY');
  assert.equal(added.custbody_previous, ids.existing); // orderLookup by expression
  assert.equal(ns.db.salesorder.size, 2);

  // once the customer is active, the failed record goes through
  ns.db.customer.get(ids.bob).isinactive = false;
  const again = restlet.post({ operation: 'import', import: SAMPLE, records: [WEB_ORDERS[2]] }).results;
  assert.equal(again[0].statusCode, 200);
  assert.equal(ns.db.salesorder.get(again[0].id).currency, 'GDP');
});

test('operations: update and delete need a match, ignoreMissing and ignoreExisting skip, duplicates fail', () => {
  const { ns, restlet } = setUp();
  const a = ns.add('customer', { email: 'a@x.com', comments: 'old' });
  ns.add('customer', { email: 'dup@x.com' });
  ns.add('customer', { email: 'dup@x.com' });
  const base = {
    recordType: 'customer',
    internalIdLookup: { expression: "[['email','is','{{mail}}']]" },
    mapping: { fields: [{ extract: 'note', generate: 'Comments' }] },
  };
  const rec = (mail, note) => ({ mail, note });

  let r = restlet.post({ operation: 'import', import: { ...base, operation: 'update' },
    records: [rec('a@x.com', 'new'), rec('none@x.com', 'n'), rec('dup@x.com', 'd')] }).results;
  assert.equal(r[0].id, a);
  assert.equal(ns.db.customer.get(a).comments, 'new');
  assert.equal(r[1].errors[0].code, 'RCRD_DSNT_EXIST');
  assert.equal(r[2].errors[0].code, 'duplicate');

  r = restlet.post({ operation: 'import', import: { ...base, operation: 'update', ignoreMissing: 'true' },
    records: [rec('none@x.com', 'n')] }).results;
  assert.deepEqual(r[0], { statusCode: 200, errors: [], ignored: true });

  r = restlet.post({ operation: 'import', import: { ...base, operation: 'add', ignoreExisting: true },
    records: [rec('a@x.com', 'x'), rec('b@x.com', 'y')] }).results;
  assert.equal(r[0].ignored, true);
  assert.equal(r[0].id, a);
  assert.equal(ns.db.customer.get(r[1].id).comments, 'y');

  r = restlet.post({ operation: 'import', import: { ...base, operation: 'delete' }, records: [rec('a@x.com')] }).results;
  assert.equal(r[0].statusCode, 200);
  assert.equal(ns.db.customer.has(a), false);
});

test('NetSuite refusals, hook errors and governance become per-record results', () => {
  const { ns, restlet } = setUp({ required: { note: ['title'] } });
  const config = { recordType: 'note', operation: 'add', mapping: { fields: [{ extract: 't', generate: 'title' }] } };
  let r = restlet.post({ operation: 'import', import: config, records: [{ t: 'a' }, {}] }).results;
  assert.equal(r[0].statusCode, 200);
  assert.deepEqual(r[1].errors, [{ code: 'USER_ERROR', message: 'Please enter value(s) for: title', source: 'application' }]);

  r = restlet.post({ operation: 'import',
    import: { ...config, hooks: { preMap: { fileInternalId: '1234', function: 'rejectAll' } } }, records: [{ t: 'a' }] }).results;
  assert.deepEqual(r[0].errors, [{ code: 'REJECTED', message: 'not today', source: 'premap_hook' }]);

  r = restlet.post({ operation: 'import',
    import: { ...config, hooks: { postMap: { fileInternalId: '1234', functionName: 'noSuchFunction' } } }, records: [{ t: 'a' }] }).results;
  assert.equal(r[0].errors[0].code, 'hook_failed');
  assert.equal(ns.logs.filter((l) => l.level === 'error').length, 1);

  ns.setUsage(150);
  r = restlet.post({ operation: 'import', import: config, records: [{ t: 'late' }] }).results;
  assert.equal(r[0].statusCode, 503);
  assert.equal(r[0].errors[0].code, 'usage_limit');
  assert.equal(ns.records('note').length, 1);
});

test('batch export: a saved search in pages, with the delta window and preSend', () => {
  const { ns, restlet } = setUp();
  for (let i = 0; i < 12; i++) {
    ns.add('customer', { entityid: 'C' + i, lastmodifieddate: '2024-01-01T00:00:' + String(10 + i) + '.000Z' });
  }
  ns.savedSearches['69422'] = { type: 'customer', filters: [], columns: ['entityid', 'lastmodifieddate'] };
  const exportDoc = {
    type: 'batch', recordType: 'customer', searchId: '69422',
    hooks: { preSend: { fileInternalId: '1234', functionName: 'myPreSendLogic' } },
  };

  const page0 = restlet.post({ operation: 'export', export: exportDoc, pageIndex: 0, pageSize: 5 });
  assert.equal(page0.totalPages, 3);
  assert.equal(page0.totalRecords, 12);
  assert.equal(page0.done, false);
  assert.equal(page0.records.length, 5);
  assert.deepEqual(Object.keys(page0.records[0]).sort(), ['entityid', 'id', 'lastmodifieddate', 'presend', 'recordType']);
  assert.equal(page0.records[0].entityid, 'C0');
  const page2 = restlet.post({ operation: 'export', export: exportDoc, pageIndex: 2, pageSize: 5 });
  assert.equal(page2.records.length, 2);
  assert.equal(page2.done, true);

  const delta = restlet.post({
    operation: 'export', export: exportDoc, pageIndex: 0, pageSize: 50,
    delta: { dateField: 'lastmodifieddate', from: '2024-01-01T00:00:15.000Z', to: '2024-01-01T00:00:18.000Z' },
  });
  assert.deepEqual(delta.records.map((r) => r.entityid), ['C6', 'C7', 'C8']); // from exclusive, to inclusive
  assert.equal(delta.done, true);
});

test('ping answers the account; bad requests are thrown as NetSuite errors', () => {
  const { restlet } = setUp();
  assert.deepEqual(restlet.post({ operation: 'ping' }), { ok: true, account: '123456' });
  assert.deepEqual(restlet.post(JSON.stringify({ operation: 'ping' })), { ok: true, account: '123456' });
  assert.throws(() => restlet.post({ operation: 'dance' }), { name: 'INVALID_REQUEST', message: /import, export or ping/ });
  assert.throws(() => restlet.post({ operation: 'import', import: {}, records: [] }), { name: 'INVALID_REQUEST', message: /recordType/ });
  assert.throws(() => restlet.post({ operation: 'export', export: {} }), { name: 'INVALID_REQUEST', message: /searchId/ });
});
