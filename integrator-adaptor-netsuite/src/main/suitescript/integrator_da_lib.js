/**
 * The Integrator distributed adaptor: what the RESTlet and the user-event script share (filter
 * expressions, field extraction, lookups, the NetSuite-side mapping, hook loading, per-record results).
 * The protocol and the rules are in docs/netsuite-distributed.md; the testkit's RestletServer implements
 * the same rules in Java.
 *
 * @NApiVersion 2.1
 * @NModuleScope SameAccount
 */
define(['N/search', 'N/file'], function (search, file) {
  'use strict';

  function flag(v) {
    return v === true || (typeof v === 'string' && v.toLowerCase() === 'true');
  }

  function text(v) {
    return v === undefined || v === null ? '' : String(v);
  }

  /** An error the RESTlet answers with (NetSuite turns a thrown {name, message} into {error: {code, message}}). */
  function requestError(name, message) {
    var e = new Error(message);
    e.name = name;
    return e;
  }

  /**
   * A filter expression given as an array, or as a string holding one with ' or " quotes:
   * "[['tranid','is','A'],'OR',['custbody_web_id','is','A']]".
   */
  function parseExpression(expression, what) {
    if (Array.isArray(expression)) {
      return expression;
    }
    if (typeof expression !== 'string') {
      throw requestError('INVALID_REQUEST', what + ' must be a filter expression (an array, or a string holding one)');
    }
    var s = expression;
    var i = 0;
    function fail(problem) {
      return requestError('INVALID_REQUEST', what + ' ' + problem + ' at character ' + i + ': ' + s);
    }
    function skip() {
      while (i < s.length && /\s/.test(s.charAt(i))) {
        i++;
      }
    }
    function value() {
      skip();
      if (i >= s.length) {
        throw fail('ends early');
      }
      var c = s.charAt(i);
      if (c === '[') {
        i++;
        var a = [];
        skip();
        if (s.charAt(i) === ']') {
          i++;
          return a;
        }
        for (;;) {
          a.push(value());
          skip();
          if (s.charAt(i) === ',') {
            i++;
          } else if (s.charAt(i) === ']') {
            i++;
            return a;
          } else {
            throw fail('expects , or ]');
          }
        }
      }
      if (c === '\'' || c === '"') {
        var out = '';
        i++;
        while (i < s.length && s.charAt(i) !== c) {
          if (s.charAt(i) === '\\' && i + 1 < s.length) {
            i++;
          }
          out += s.charAt(i++);
        }
        if (i >= s.length) {
          throw fail('has an unclosed string');
        }
        i++;
        return out;
      }
      var start = i;
      while (i < s.length && ',] \t\r\n'.indexOf(s.charAt(i)) < 0) {
        i++;
      }
      var word = s.substring(start, i);
      if (word === 'true') return true;
      if (word === 'false') return false;
      if (word === 'null') return null;
      if (word !== '' && !isNaN(Number(word))) return Number(word);
      throw fail('has \'' + word + '\' where a quoted string, number or [ belongs');
    }
    var parsed = value();
    skip();
    if (i < s.length) {
      throw fail('has extra text');
    }
    if (!Array.isArray(parsed)) {
      throw requestError('INVALID_REQUEST', what + ' must be an array such as [\'total\',\'>=\',\'1000\']');
    }
    return parsed;
  }

  function path(root, dotted) {
    var n = root;
    var parts = dotted.split('.');
    for (var i = 0; i < parts.length; i++) {
      if (n === undefined || n === null || typeof n !== 'object' || Array.isArray(n)) {
        return undefined;
      }
      n = n[parts[i]];
    }
    return n;
  }

  /** A copy of the expression with each {{path}} in its strings replaced by the source record's value. */
  function fill(expression, source) {
    if (Array.isArray(expression)) {
      return expression.map(function (e) { return fill(e, source); });
    }
    if (typeof expression === 'string') {
      return expression.replace(/\{\{([^}]*)\}\}/g, function (m, p) { return text(path(source, p.trim())); });
    }
    return expression;
  }

  /** A dotted path ([*] is the current line, [n] an index) or a "{a} {b}" template. */
  function extract(record, expr, line) {
    if (expr.indexOf('{') >= 0) {
      return expr.replace(/\{([^}]*)\}/g, function (m, p) { return text(extract(record, p.trim(), line)); });
    }
    var n = record;
    var parts = expr.split('.');
    for (var i = 0; i < parts.length; i++) {
      var part = parts[i];
      var name = part;
      var index = null;
      var b = part.indexOf('[');
      if (b >= 0 && part.charAt(part.length - 1) === ']') {
        name = part.substring(0, b);
        var idx = part.substring(b + 1, part.length - 1);
        index = idx === '*' ? line : parseInt(idx, 10);
      }
      n = n === undefined || n === null || typeof n !== 'object' ? undefined : n[name];
      if (index !== null) {
        // a single value where [*] expects an array counts as a one-element array
        n = n === undefined || n === null ? undefined : Array.isArray(n) ? (index >= 0 ? n[index] : undefined)
          : index === 0 ? n : undefined;
      }
      if (n === undefined) {
        return undefined;
      }
    }
    return n;
  }

  function error(code, message, source) {
    return { code: code, message: message, source: source };
  }

  function success(id) {
    return { statusCode: 200, id: String(id), errors: [], ignored: false };
  }

  function ignored(id) {
    var r = { statusCode: 200, errors: [], ignored: true };
    if (id !== null && id !== undefined) {
      r.id = String(id);
    }
    return r;
  }

  function failure(errors, statusCode) {
    return { statusCode: statusCode || 422, errors: errors, ignored: false };
  }

  /** Values of resultField (internal id by default) of the records of a type that meet the filter. */
  function searchValues(recordType, filter, resultField, includeInactive, max) {
    var filters = filter;
    if (!includeInactive) {
      filters = filter.length ? [filter, 'AND', ['isinactive', 'is', 'F']] : [['isinactive', 'is', 'F']];
    }
    var field = (resultField || 'internalid').toLowerCase();
    var columns = field === 'internalid' ? [] : [field];
    var found;
    try {
      found = search.create({ type: recordType, filters: filters, columns: columns })
        .run().getRange({ start: 0, end: max || 2 });
    } catch (e) {
      if (includeInactive || e.name !== 'SSS_INVALID_SRCH_FILTER') {
        throw e;
      }
      // record types without isinactive (transactions) have no inactive records
      found = search.create({ type: recordType, filters: filter, columns: columns })
        .run().getRange({ start: 0, end: max || 2 });
    }
    return found.map(function (r) {
      return field === 'internalid' ? String(r.id) : r.getValue({ name: field });
    });
  }

  /** One lookup (REFERENCE §4.5): its value, or undefined after pushing an error. */
  function lookup(def, key, source, errors) {
    var name = def.name;
    var allowFailures = flag(def.allowFailures);
    var found = [];
    var asked;
    if (def.recordType || def.expression) {
      var filter;
      if (def.expression) {
        filter = fill(parseExpression(def.expression, 'lookup \'' + name + '\' expression'), source);
        asked = 'matching ' + JSON.stringify(filter);
      } else {
        filter = [[def.searchField, def.operator || 'is', text(key)]];
        asked = 'with ' + def.searchField + ' = \'' + text(key) + '\'';
      }
      found = searchValues(def.recordType, filter, def.resultField, flag(def.includeInactive), 2);
      if (def.map) {
        found = found.map(function (v) { return Object.prototype.hasOwnProperty.call(def.map, v) ? def.map[v] : v; });
      }
      asked = 'found no ' + def.recordType + ' ' + asked;
    } else {
      var k = text(key);
      if (def.map && Object.prototype.hasOwnProperty.call(def.map, k)) {
        found.push(def.map[k]);
      }
      asked = 'has no entry for \'' + k + '\'';
    }
    if (found.length === 1 || (found.length > 1 && allowFailures)) {
      return found[0];
    }
    if (found.length > 1) {
      errors.push(error('lookup_duplicate', 'lookup \'' + name + '\' found ' + found.length + ' ' + def.recordType
        + ' records; make the search unique or set allowFailures', 'lookup'));
      return undefined;
    }
    if (allowFailures) {
      return def['default'] !== undefined ? def['default'] : '';
    }
    errors.push(error('lookup_missing', 'lookup \'' + name + '\' ' + asked, 'lookup'));
    return undefined;
  }

  function fieldValue(f, source, line, lookups, errors) {
    if (Object.prototype.hasOwnProperty.call(f, 'hardCodedValue')) {
      return f.hardCodedValue;
    }
    var v = f.extract ? extract(source, f.extract, line) : undefined;
    var lookupName = f.lookupName || f.lookup;
    if (!lookupName) {
      return v;
    }
    var def = lookups[lookupName];
    if (!def) {
      errors.push(error('lookup_undefined', 'field \'' + f.generate + '\' names lookup \'' + lookupName
        + '\', which the distributed import does not define', 'mapping'));
      return undefined;
    }
    return lookup(def, f.extract ? v : null, source, errors);
  }

  function lineCount(list, source) {
    var max = -1;
    (list.fields || []).forEach(function (f) {
      var e = f.extract || '';
      var star = e.indexOf('[*]');
      if (star > 0) {
        var arr = extract(source, e.substring(0, star), -1);
        max = Math.max(max, arr === undefined || arr === null ? 0 : Array.isArray(arr) ? arr.length : 1);
      }
    });
    return max < 0 ? 1 : max;
  }

  /** The NetSuite-side mapping of a distributed import: {record, errors}. Field ids are lower-cased. */
  function mapRecord(config, source) {
    var lookups = {};
    (config.lookups || []).forEach(function (l) { lookups[l.name] = l; });
    var mapping = config.mapping || {};
    var out = {};
    var errors = [];
    (mapping.fields || []).forEach(function (f) {
      var v = fieldValue(f, source, -1, lookups, errors);
      if (v !== undefined) {
        out[String(f.generate).toLowerCase()] = v;
      }
    });
    (mapping.lists || []).forEach(function (list) {
      var n = lineCount(list, source);
      var lines = [];
      for (var i = 0; i < n; i++) {
        var line = {};
        (list.fields || []).forEach(function (f) {
          var v = fieldValue(f, source, i, lookups, errors);
          if (v !== undefined) {
            line[String(f.generate).toLowerCase()] = v;
          }
        });
        lines.push(line);
      }
      if (n > 0) {
        out[String(list.generate).toLowerCase()] = lines;
      }
    });
    return { record: out, errors: errors };
  }

  /** Internal ids internalIdLookup finds (by searchField or expression); [] without one. */
  function findIds(config, source) {
    var l = config.internalIdLookup || {};
    var filter;
    if (l.expression) {
      filter = fill(parseExpression(l.expression, 'internalIdLookup.expression'), source);
    } else if (l.extract && l.searchField) {
      var v = extract(source, l.extract, -1);
      if (v === undefined || v === null || text(v) === '') {
        return [];
      }
      filter = [[l.searchField, l.operator || 'is', text(v)]];
    } else {
      return [];
    }
    return search.create({ type: config.recordType, filters: filter, columns: [] })
      .run().getRange({ start: 0, end: 5 }).map(function (r) { return String(r.id); });
  }

  /**
   * The function a hook reference names: {fileInternalId, functionName} (aliases: function). The file's
   * internal id is turned into its File Cabinet path with N/file (metadata only), and the module is
   * loaded with require, as SuiteScript 2.x server scripts allow.
   */
  function loadHook(ref, what) {
    var fn = ref.functionName || ref['function'];
    if (!ref.fileInternalId || !fn) {
      throw requestError('INVALID_REQUEST', what + ' needs fileInternalId and functionName');
    }
    var p = file.load({ id: ref.fileInternalId }).path;
    var modulePath = '/' + String(p).replace(/^\/+/, '').replace(/\.js$/, '');
    var mod;
    require([modulePath], function (m) { mod = m; });
    if (!mod || typeof mod[fn] !== 'function') {
      throw requestError('INVALID_REQUEST', what + ': file ' + ref.fileInternalId + ' (' + p
        + ') has no function ' + fn);
    }
    return mod[fn];
  }

  return {
    flag: flag,
    text: text,
    requestError: requestError,
    parseExpression: parseExpression,
    fill: fill,
    extract: extract,
    lookup: lookup,
    mapRecord: mapRecord,
    findIds: findIds,
    loadHook: loadHook,
    error: error,
    success: success,
    ignored: ignored,
    failure: failure
  };
});
