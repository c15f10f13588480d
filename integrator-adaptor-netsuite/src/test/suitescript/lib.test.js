'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const { createLoader } = require('./amd');
const { createAccount } = require('./netsuite');

const lib = () => {
  const ns = createAccount();
  return { ns, lib: createLoader(ns.modules, __dirname).load(path.resolve(__dirname, '../../main/suitescript/integrator_da_lib.js')) };
};

test('filter expressions: string form with either quote, placeholders filled from the record', () => {
  const { lib: l } = lib();
  const e = l.parseExpression("[['tranid','is','{{o.num}}'],'OR',[\"custbody_web_id\",\"is\",\"{{o.num}}\"], 'AND', ['total','>=',1000]]", 'x');
  assert.deepEqual(l.fill(e, { o: { num: 'W-1' } }),
    [['tranid', 'is', 'W-1'], 'OR', ['custbody_web_id', 'is', 'W-1'], 'AND', ['total', '>=', 1000]]);
  assert.deepEqual(l.parseExpression(['a', 'is', 'b'], 'x'), ['a', 'is', 'b']);
  assert.throws(() => l.parseExpression("['a','is'", 'qualifier'), { name: 'INVALID_REQUEST', message: /qualifier expects , or \]/ });
  assert.throws(() => l.parseExpression('"just text"', 'qualifier'), { message: /must be an array/ });
});

test('mapping lists: index-aligned [*] columns, a single value counts as one element, nulls are written', () => {
  const { lib: l } = lib();
  const config = {
    mapping: {
      fields: [{ extract: 'gone', generate: 'Memo' }, { extract: 'nothing', generate: 'nothing' }],
      lists: [
        { generate: 'item', fields: [{ extract: 'lines[*].sku', generate: 'item' }, { extract: 'ship[*].via', generate: 'shipmethod' }] },
        { generate: 'empty', fields: [{ extract: 'none[*].x', generate: 'x' }] },
      ],
    },
  };
  const out = l.mapRecord(config, { gone: null, lines: { sku: 'A' }, ship: [{ via: 'UPS' }, { via: 'DHL' }] });
  assert.deepEqual(out.errors, []);
  assert.deepEqual(out.record, { memo: null, item: [{ item: 'A', shipmethod: 'UPS' }, { shipmethod: 'DHL' }] });
});

test('lookups follow the outcome rules: default with allowFailures, first of several, errors otherwise', () => {
  const { ns, lib: l } = lib();
  ns.add('customer', { email: 'a@x.com', isinactive: false });
  ns.add('customer', { email: 'a@x.com', isinactive: false });
  const errors = [];
  const def = { name: 'c', recordType: 'customer', searchField: 'email' };
  assert.equal(l.lookup(def, 'a@x.com', {}, errors), undefined);
  assert.equal(errors[0].code, 'lookup_duplicate');
  assert.match(l.lookup({ ...def, allowFailures: 'true' }, 'a@x.com', {}, []), /^\d+$/);
  assert.equal(l.lookup({ ...def, allowFailures: true, default: 'D' }, 'b@x.com', {}, []), 'D');
  assert.equal(l.lookup({ name: 'm', map: { US: 'USD' } }, 'US', {}, []), 'USD');
  const e2 = [];
  assert.equal(l.lookup({ name: 'm', map: { US: 'USD' } }, 'FR', {}, e2), undefined);
  assert.deepEqual(e2, [{ code: 'lookup_missing', message: "lookup 'm' has no entry for 'FR'", source: 'lookup' }]);
});
