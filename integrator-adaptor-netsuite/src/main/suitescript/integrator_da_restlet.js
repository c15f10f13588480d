/**
 * The Integrator distributed adaptor RESTlet. The engine POSTs JSON:
 *   {operation: 'ping'}                                   -> {ok, account}
 *   {operation: 'import', import: <distributed import document>, records: [...]}
 *                                                         -> {results: [{statusCode, id, errors, ignored}]}
 *   {operation: 'export', export: <distributed export document>, pageIndex, pageSize,
 *    delta: {dateField, from, to}}                         -> {records, totalPages, totalRecords, pageIndex, done}
 * See docs/netsuite-distributed.md. Deploy as customscript_integrator_da_restlet /
 * customdeploy_integrator_da_restlet (or set netsuite.restlet.{scriptId, deployId} on the connection).
 *
 * @NApiVersion 2.1
 * @NScriptType Restlet
 * @NModuleScope SameAccount
 */
define(['N/record', 'N/search', 'N/runtime', 'N/format', 'N/log', './integrator_da_lib'],
  function (record, search, runtime, format, log, lib) {
    'use strict';

    /** Usage kept in reserve: below it, the remaining records are answered 503 for the engine to retry. */
    var USAGE_RESERVE = 200;

    function post(body) {
      if (typeof body === 'string') {
        body = JSON.parse(body);
      }
      var operation = body && body.operation;
      if (operation === 'ping') {
        return { ok: true, account: runtime.accountId };
      }
      if (operation === 'import') {
        if (!body['import'] || typeof body['import'] !== 'object' || !Array.isArray(body.records)) {
          throw lib.requestError('INVALID_REQUEST',
            'an import call needs \'import\' (the distributed import document) and \'records\' (an array)');
        }
        return { results: runImport(body['import'], body.records) };
      }
      if (operation === 'export') {
        return runExport(body);
      }
      throw lib.requestError('INVALID_REQUEST', 'operation must be import, export or ping, got \'' + operation + '\'');
    }

    function hookRef(config, name, alias) {
      var hooks = config.hooks || {};
      return hooks[name] || (alias ? hooks[alias] : undefined);
    }

    function settings(config) {
      return config.settings && typeof config.settings === 'object' ? config.settings : {};
    }

    /** Runs a preMap/postMap hook over the live records; applies its items. */
    function hookItems(config, name, alias, result, records, options) {
      var ref = hookRef(config, name, alias);
      if (!ref) {
        return;
      }
      var live = [];
      for (var i = 0; i < records.length; i++) {
        if (!result[i]) {
          live.push(i);
        }
      }
      var answer = null;
      try {
        answer = lib.loadHook(ref, 'hooks.' + name)(options);
      } catch (e) {
        log.error({ title: 'integrator ' + name + ' hook failed', details: e.name + ': ' + e.message });
      }
      var ok = Array.isArray(answer) && answer.length === live.length;
      var source = name.toLowerCase() + '_hook';
      live.forEach(function (i, k) {
        var item = ok ? answer[k] : null;
        if (!item) {
          result[i] = lib.failure([lib.error('hook_failed', name + ' hook failed or broke its contract (one item per record)', source)]);
        } else if (Array.isArray(item.errors) && item.errors.length) {
          result[i] = lib.failure(item.errors.map(function (e) {
            return lib.error(e.code || 'hook_error', e.message || '', source);
          }));
        } else if (item.data && typeof item.data === 'object') {
          records[i] = item.data;
        } else {
          result[i] = lib.ignored(null);
        }
      });
    }

    function liveOf(records, result) {
      return records.filter(function (r, i) { return !result || !result[i]; });
    }

    function runImport(config, input) {
      var recordType = String(config.recordType || '').toLowerCase();
      if (!recordType) {
        throw lib.requestError('INVALID_REQUEST', 'import.recordType is required (the lower-case record id, e.g. salesorder)');
      }
      var operation = String(config.operation || 'add').toLowerCase();
      var n = input.length;
      var result = new Array(n);
      var current = input.slice();
      var mapped = new Array(n);
      var existing = new Array(n);

      hookItems(config, 'preMap', 'preMapping', result, current,
        { data: liveOf(current, result), settings: settings(config) });
      for (var i = 0; i < n; i++) {
        if (result[i]) {
          continue;
        }
        try {
          var ids = lib.findIds(config, current[i]);
          if (ids.length > 1) {
            result[i] = lib.failure([lib.error('duplicate', 'internalIdLookup found ' + ids.length + ' ' + recordType
              + ' records (internal ids ' + ids.join(', ') + '); make the search unique', 'lookup')]);
            continue;
          }
          existing[i] = ids.length ? ids[0] : null;
          var exists = existing[i] !== null;
          if (exists && lib.flag(config.ignoreExisting) && (operation === 'add' || operation === 'addupdate')) {
            result[i] = lib.ignored(existing[i]);
            continue;
          }
          if (!exists && (operation === 'update' || operation === 'delete')) {
            result[i] = lib.flag(config.ignoreMissing) ? lib.ignored(null) : lib.failure([lib.error('RCRD_DSNT_EXIST',
              'no ' + recordType + ' matches internalIdLookup for this record; ' + operation
              + ' needs an existing record (set ignoreMissing to skip such records)', 'application')]);
            continue;
          }
          if (operation === 'delete') {
            continue;
          }
          var o = lib.mapRecord(config, current[i]);
          if (o.errors.length) {
            result[i] = lib.failure(o.errors);
          } else {
            mapped[i] = o.record;
          }
        } catch (e) {
          result[i] = lib.failure([lib.error(e.name || 'UNEXPECTED_ERROR', e.message || String(e), 'lookup')]);
        }
      }
      hookItems(config, 'postMap', 'postMapping', result, mapped,
        { preMapData: liveOf(current, result), postMapData: liveOf(mapped, result), settings: settings(config) });
      for (var j = 0; j < n; j++) {
        if (result[j]) {
          continue;
        }
        if (runtime.getCurrentScript().getRemainingUsage() < USAGE_RESERVE) {
          result[j] = lib.failure([lib.error('usage_limit', 'the RESTlet ran out of governance units before this '
            + 'record; it was not written and will be sent again', 'application')], 503);
          continue;
        }
        result[j] = write(recordType, operation, existing[j], mapped[j]);
      }
      var postRef = hookRef(config, 'postSubmit', null);
      if (postRef) {
        var answer = null;
        try {
          answer = lib.loadHook(postRef, 'hooks.postSubmit')({
            preMapData: current, postMapData: mapped.map(function (m) { return m === undefined ? null : m; }),
            responseData: result, settings: settings(config)
          });
        } catch (e) {
          log.error({ title: 'integrator postSubmit hook failed', details: e.name + ': ' + e.message });
        }
        if (!Array.isArray(answer) || answer.length !== n) {
          return result.map(function () {
            return lib.failure([lib.error('hook_failed', 'postSubmit hook failed or broke its contract (one result per '
              + 'record); the records were already written', 'post_submit_hook')]);
          });
        }
        return answer;
      }
      return result;
    }

    function setFields(rec, fields) {
      Object.keys(fields).forEach(function (fieldId) {
        var v = fields[fieldId];
        if (Array.isArray(v)) {
          for (var l = rec.getLineCount({ sublistId: fieldId }) - 1; l >= 0; l--) {
            rec.removeLine({ sublistId: fieldId, line: l });
          }
          v.forEach(function (line, index) {
            Object.keys(line).forEach(function (col) {
              rec.setSublistValue({ sublistId: fieldId, fieldId: col, line: index, value: line[col] });
            });
          });
        } else {
          rec.setValue({ fieldId: fieldId, value: v });
        }
      });
    }

    function write(recordType, operation, existingId, fields) {
      try {
        if (operation === 'delete') {
          record['delete']({ type: recordType, id: existingId });
          return lib.success(existingId);
        }
        if (operation !== 'add' && operation !== 'update' && operation !== 'addupdate') {
          return lib.failure([lib.error('unsupported_operation', 'operation \'' + operation
            + '\' is not supported by the distributed import; use add, update, addupdate or delete', 'application')]);
        }
        var update = existingId !== null && existingId !== undefined && operation !== 'add';
        var rec = update ? record.load({ type: recordType, id: existingId }) : record.create({ type: recordType });
        setFields(rec, fields);
        return lib.success(rec.save({ ignoreMandatoryFields: false }));
      } catch (e) {
        return lib.failure([lib.error(e.name || 'UNEXPECTED_ERROR', e.message || String(e), 'application')]);
      }
    }

    function asDate(iso) {
      return format.format({ value: new Date(iso), type: format.Type.DATETIMETZ });
    }

    function runExport(body) {
      var config = body['export'] || {};
      if (!config.searchId) {
        throw lib.requestError('INVALID_REQUEST', 'an export call needs export.searchId (the saved search)');
      }
      var pageSize = Math.max(5, Math.min(1000, parseInt(body.pageSize, 10) || 50));
      var pageIndex = Math.max(0, parseInt(body.pageIndex, 10) || 0);
      var s = search.load({ id: config.searchId });
      var delta = body.delta;
      if (delta && typeof delta === 'object') {
        var field = String(delta.dateField || 'lastmodifieddate').toLowerCase();
        var window = [];
        if (delta.from) {
          window.push([field, 'after', asDate(delta.from)]);
        }
        if (delta.to) {
          if (window.length) {
            window.push('AND');
          }
          window.push([field, 'onorbefore', asDate(delta.to)]);
        }
        var existing = s.filterExpression || [];
        if (window.length) {
          s.filterExpression = existing.length ? [existing, 'AND', window] : window;
        }
      }
      var paged = s.runPaged({ pageSize: pageSize });
      var totalPages = paged.pageRanges.length;
      var records = [];
      if (pageIndex < totalPages) {
        paged.fetch({ index: pageIndex }).data.forEach(function (r) {
          var out = { id: String(r.id), recordType: r.recordType };
          r.columns.forEach(function (c) {
            var name = (c.join ? c.join.toLowerCase() + '.' : '') + c.name.toLowerCase();
            out[name] = r.getValue(c);
            var t = r.getText(c);
            if (t !== null && t !== undefined && t !== out[name]) {
              out[name + '_text'] = t;
            }
          });
          records.push(out);
        });
      }
      var pre = config.hooks && config.hooks.preSend;
      if (pre && records.length) {
        records = lib.loadHook(pre, 'hooks.preSend')({ data: records, settings: settings(config) });
        if (!Array.isArray(records)) {
          throw lib.requestError('INVALID_REQUEST', 'hooks.preSend must return an array of records');
        }
      }
      return {
        records: records,
        totalPages: totalPages,
        totalRecords: paged.count,
        pageIndex: pageIndex,
        done: pageIndex >= totalPages - 1
      };
    }

    return { post: post };
  });
