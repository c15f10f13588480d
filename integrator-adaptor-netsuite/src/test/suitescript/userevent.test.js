'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const { createLoader } = require('./amd');
const { createAccount } = require('./netsuite');

const SCRIPTS = path.resolve(__dirname, '../../main/suitescript');
const CABINET = path.resolve(__dirname, 'filecabinet');

/** The API document's realtime sample, with sublists added. */
const REALTIME = {
  type: 'realtime',
  recordType: 'salesorder',
  executionContext: ['userinterface', 'webservices', 'webstore'],
  qualifier: "['total', '>=', '1000']",
  sublists: ['item'],
  hooks: { preSend: { fileInternalId: '1234', functionName: 'myPreSendLogic' } },
};

function setUp(distributed) {
  const ns = createAccount();
  ns.files['1234'] = 'SuiteScripts/hooks/sample_hooks.js';
  ns.params.custscript_integrator_da_url = 'https://engine.example.com/distributed/e1';
  ns.params.custscript_integrator_da_token = 'push-secret';
  ns.params.custscript_integrator_da_config = JSON.stringify(distributed);
  const ue = createLoader(ns.modules, CABINET).load(path.join(SCRIPTS, 'integrator_da_userevent.js'));
  const save = (fields, type = 'create', recordType = 'salesorder') => {
    const id = ns.add(recordType, fields);
    ue.afterSubmit({ type, newRecord: { type: recordType, id } });
    return id;
  };
  return { ns, save };
}

test('a qualifying record is pushed with the bearer token, its listed sublists and preSend applied', () => {
  const { ns, save } = setUp(REALTIME);
  const id = save({ tranid: 'SO-1', total: 1500, item: [{ item: '7', quantity: 2 }], shipgroup: [{ x: 1 }] });

  assert.equal(ns.httpsCalls.length, 1);
  const call = ns.httpsCalls[0];
  assert.equal(call.url, 'https://engine.example.com/distributed/e1');
  assert.equal(call.headers.Authorization, 'Bearer push-secret');
  assert.equal(call.headers['Content-Type'], 'application/json');
  const body = JSON.parse(call.body);
  assert.equal(body.recordType, 'salesorder');
  assert.equal(body.executionContext, 'userinterface');
  assert.equal(body.eventType, 'create');
  assert.equal(body.records.length, 1);
  const r = body.records[0];
  assert.equal(r.id, id);
  assert.equal(r.tranid, 'SO-1');
  assert.deepEqual(r.item, [{ item: '7', quantity: 2 }]);
  assert.equal(r.shipgroup, undefined); // not a listed sublist
  assert.equal(r.presend, true);
  assert.equal(ns.logs.filter((l) => l.level === 'error').length, 0);
});

test('the qualifier, execution context, event type, record type and disabled flag filter pushes', () => {
  const { ns, save } = setUp(REALTIME);
  save({ tranid: 'SO-2', total: 999 });
  ns.executionContext = 'CSVIMPORT';
  save({ tranid: 'SO-3', total: 5000 });
  ns.executionContext = 'WEBSERVICES';
  save({ tranid: 'SO-4', total: 5000 }, 'delete');
  save({ companyname: 'X', total: 5000 }, 'create', 'customer');
  assert.equal(ns.httpsCalls.length, 0);
  save({ tranid: 'SO-5', total: 5000 }, 'xedit');
  assert.equal(ns.httpsCalls.length, 1);

  const off = setUp({ ...REALTIME, disabled: true });
  off.save({ tranid: 'SO-6', total: 5000 });
  assert.equal(off.ns.httpsCalls.length, 0);

  const only = setUp({ recordType: 'salesorder', executionType: ['create'] });
  only.save({ tranid: 'SO-7' }, 'edit');
  only.save({ tranid: 'SO-8' }, 'create');
  assert.equal(only.ns.httpsCalls.length, 1);
});

test('a refused push is logged without the token', () => {
  const { ns, save } = setUp({ recordType: 'salesorder' });
  ns.httpsStatus = 401;
  save({ tranid: 'SO-9' });
  const errors = ns.logs.filter((l) => l.level === 'error');
  assert.equal(errors.length, 1);
  assert.match(errors[0].details, /answered 401/);
  assert.doesNotMatch(JSON.stringify(ns.logs), /push-secret/);
});
