'use strict';
// Small stand-ins for the N/* modules the Integrator scripts use, over an in-memory account:
// records by type, saved searches, File Cabinet files, script parameters, outgoing https calls, logs.

function norm(v) {
  return v === undefined || v === null ? '' : String(v);
}

function compare(a, b) {
  if (a === '' || b === '') {
    return a === b ? 0 : a === '' ? -1 : 1;
  }
  const na = Number(a);
  const nb = Number(b);
  if (!isNaN(na) && !isNaN(nb)) {
    return na === nb ? 0 : na < nb ? -1 : 1;
  }
  const da = Date.parse(a);
  const db = Date.parse(b);
  if (!isNaN(da) && !isNaN(db) && /\d{4}-\d\d-\d\d/.test(a) && /\d{4}-\d\d-\d\d/.test(b)) {
    return da === db ? 0 : da < db ? -1 : 1;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

function term(t, rec, id) {
  const field = String(t[0]).toLowerCase();
  const op = String(t[1]).toLowerCase();
  let actual = field === 'internalid' ? id : rec[field];
  const values = t.slice(2).flatMap((v) => (Array.isArray(v) ? v : [v])).map(norm);
  const b = values.length ? values[0] : '';
  if (b === 'T' || b === 'F') {
    actual = actual === true || actual === 'T' ? 'T' : 'F';
  }
  const a = norm(actual);
  const eq = (x, y) => x.toLowerCase() === y.toLowerCase() || (x !== '' && y !== '' && compare(x, y) === 0);
  switch (op) {
    case 'is': case 'equalto': case '=': case 'on': return eq(a, b);
    case 'isnot': case 'notequalto': case '!=': case '<>': return !eq(a, b);
    case 'anyof': return values.some((v) => eq(a, v));
    case 'noneof': return !values.some((v) => eq(a, v));
    case 'contains': return a.toLowerCase().includes(b.toLowerCase());
    case 'startswith': return a.toLowerCase().startsWith(b.toLowerCase());
    case 'isempty': return a === '';
    case 'isnotempty': return a !== '';
    case 'greaterthan': case '>': case 'after': return compare(a, b) > 0;
    case 'greaterthanorequalto': case '>=': case 'onorafter': return compare(a, b) >= 0;
    case 'lessthan': case '<': case 'before': return compare(a, b) < 0;
    case 'lessthanorequalto': case '<=': case 'onorbefore': return compare(a, b) <= 0;
    default: throw Object.assign(new Error('unsupported operator ' + op), { name: 'SSS_INVALID_SRCH_OPERATOR' });
  }
}

/** Evaluates a NetSuite filter expression on one record. */
function matches(expr, rec, id) {
  if (!expr || expr.length === 0) {
    return true;
  }
  if (typeof expr[0] === 'string' && typeof expr[1] === 'string' && expr[0].toUpperCase() !== 'NOT') {
    return term(expr, rec, id);
  }
  let result = false;
  let join = null;
  let negate = false;
  let first = true;
  for (const part of expr) {
    if (typeof part === 'string') {
      const w = part.toUpperCase();
      if (w === 'NOT') negate = !negate;
      else join = w;
      continue;
    }
    const v = matches(part, rec, id) !== negate;
    negate = false;
    result = first ? v : join === 'OR' ? result || v : result && v;
    first = false;
  }
  return result;
}

function usesField(expr, field) {
  return Array.isArray(expr) && (expr[0] === field || expr.some((e) => usesField(e, field)));
}

function createAccount(options = {}) {
  const db = {}; // type -> Map(id -> fields)
  const savedSearches = {};
  const files = {};
  const params = {};
  const httpsCalls = [];
  const logs = [];
  const required = options.required || {};
  const noInactive = new Set(options.noInactive || ['salesorder']);
  let nextId = 100;
  let usage = options.usage === undefined ? 5000 : options.usage;
  const account = {
    db, savedSearches, files, params, httpsCalls, logs,
    httpsStatus: 204,
    executionContext: 'USERINTERFACE',
    clock: () => new Date(),
    setUsage(u) { usage = u; },
    add(type, fields) {
      const id = String(++nextId);
      const copy = JSON.parse(JSON.stringify(fields));
      if (!copy.lastmodifieddate) copy.lastmodifieddate = account.clock().toISOString();
      table(type).set(id, copy);
      return id;
    },
    records(type) {
      return [...table(type).entries()].map(([id, f]) => Object.assign({ internalid: id }, f));
    },
  };

  function table(type) {
    const t = String(type).toLowerCase();
    if (!db[t]) db[t] = new Map();
    return db[t];
  }

  function makeError(name, message) {
    return Object.assign(new Error(message), { name });
  }

  class Rec {
    constructor(type, id, fields) {
      this.type = type;
      this.id = id;
      this.fields = fields;
    }
    setValue({ fieldId, value }) { this.fields[fieldId] = value; return this; }
    getValue({ fieldId }) { return this.fields[fieldId]; }
    getFields() { return Object.keys(this.fields).filter((k) => !Array.isArray(this.fields[k])); }
    getLineCount({ sublistId }) { return Array.isArray(this.fields[sublistId]) ? this.fields[sublistId].length : 0; }
    removeLine({ sublistId, line }) { this.fields[sublistId].splice(line, 1); return this; }
    getSublistFields({ sublistId }) {
      const keys = new Set();
      (this.fields[sublistId] || []).forEach((l) => Object.keys(l).forEach((k) => keys.add(k)));
      return [...keys];
    }
    getSublistValue({ sublistId, fieldId, line }) { return this.fields[sublistId][line][fieldId]; }
    setSublistValue({ sublistId, fieldId, line, value }) {
      if (!Array.isArray(this.fields[sublistId])) this.fields[sublistId] = [];
      const lines = this.fields[sublistId];
      while (lines.length <= line) lines.push({});
      lines[line][fieldId] = value;
      return this;
    }
    save() {
      usage -= 20;
      const missing = (required[this.type] || []).filter((f) => norm(this.fields[f]) === '');
      if (missing.length) throw makeError('USER_ERROR', 'Please enter value(s) for: ' + missing.join(', '));
      this.fields.lastmodifieddate = account.clock().toISOString();
      if (!this.id) this.id = String(++nextId);
      table(this.type).set(this.id, JSON.parse(JSON.stringify(this.fields)));
      return this.id;
    }
  }

  const record = {
    create({ type }) { return new Rec(String(type).toLowerCase(), null, {}); },
    load({ type, id }) {
      const f = table(type).get(String(id));
      if (!f) throw makeError('RCRD_DSNT_EXIST', 'That record does not exist.');
      return new Rec(String(type).toLowerCase(), String(id), JSON.parse(JSON.stringify(f)));
    },
    delete({ type, id }) {
      if (!table(type).delete(String(id))) throw makeError('RCRD_DSNT_EXIST', 'That record does not exist.');
      return id;
    },
  };

  function column(c) {
    return typeof c === 'string' ? { name: c } : c;
  }

  function searchObject(type, filters, columns) {
    const s = {
      searchType: type,
      filterExpression: filters || [],
      columns: (columns || []).map(column),
      rows() {
        if (noInactive.has(String(type).toLowerCase()) && usesField(s.filterExpression, 'isinactive')) {
          throw makeError('SSS_INVALID_SRCH_FILTER', 'An nlobjSearchFilter contains invalid search criteria: isinactive.');
        }
        usage -= 10;
        return [...table(type).entries()]
          .filter(([id, f]) => matches(s.filterExpression, f, id))
          .sort((x, y) => Number(x[0]) - Number(y[0]))
          .map(([id, f]) => ({
            id, recordType: String(type).toLowerCase(), columns: s.columns,
            getValue(c) { const n = column(c).name; return n === 'internalid' ? id : f[n] === undefined ? '' : f[n]; },
            getText(c) { const n = column(c).name; return f[n + '_text'] === undefined ? null : f[n + '_text']; },
          }));
      },
      run() { return { getRange: ({ start, end }) => s.rows().slice(start, end) }; },
      runPaged({ pageSize }) {
        const rows = s.rows();
        const pages = Math.ceil(rows.length / pageSize);
        return {
          count: rows.length,
          pageRanges: Array.from({ length: pages }, (_, index) => ({ index })),
          fetch: ({ index }) => ({ data: rows.slice(index * pageSize, (index + 1) * pageSize) }),
        };
      },
    };
    return s;
  }

  const search = {
    create({ type, filters, columns }) { return searchObject(type, filters, columns); },
    load({ id }) {
      const d = savedSearches[id];
      if (!d) throw makeError('INVALID_SEARCH', 'That search or mass update does not exist.');
      return searchObject(d.type, JSON.parse(JSON.stringify(d.filters || [])), d.columns);
    },
  };

  const modules = {
    'N/record': record,
    'N/search': search,
    'N/runtime': {
      get accountId() { return options.accountId || '123456'; },
      get executionContext() { return account.executionContext; },
      ContextType: { USER_INTERFACE: 'USERINTERFACE', WEBSERVICES: 'WEBSERVICES', CSV_IMPORT: 'CSVIMPORT' },
      getCurrentScript: () => ({
        getParameter: ({ name }) => params[name],
        getRemainingUsage: () => usage,
      }),
    },
    'N/https': {
      post(opts) {
        httpsCalls.push(opts);
        return { code: account.httpsStatus, body: '' };
      },
    },
    'N/log': ['debug', 'audit', 'error', 'emergency'].reduce((l, level) => {
      l[level] = (o) => logs.push(Object.assign({ level }, o));
      return l;
    }, {}),
    'N/file': {
      load({ id }) {
        const f = files[id];
        if (!f) throw makeError('RCRD_DSNT_EXIST', 'That record does not exist.');
        return { id, path: f };
      },
    },
    'N/format': {
      Type: { DATETIME: 'datetime', DATETIMETZ: 'datetimetz', DATE: 'date' },
      format: ({ value }) => value.toISOString(),
    },
  };
  account.modules = modules;
  return account;
}

module.exports = { createAccount, matches };
