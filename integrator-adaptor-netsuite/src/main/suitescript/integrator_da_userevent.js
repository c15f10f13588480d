/**
 * The Integrator distributed adaptor user-event script: pushes saved records of a realtime distributed
 * export (type: distributed) to the engine. One deployment per export and record type, with the script
 * parameters:
 *   custscript_integrator_da_url     the engine's URL for the export (https://<host>/distributed/<exportId>)
 *   custscript_integrator_da_token   the export's distributed.bearerToken (a password parameter)
 *   custscript_integrator_da_config  the export's distributed document as JSON
 *                                    ({type: 'realtime', recordType, executionContext, executionType,
 *                                      qualifier, sublists, hooks.preSend, settings, disabled})
 * See docs/netsuite-distributed.md.
 *
 * @NApiVersion 2.1
 * @NScriptType UserEventScript
 * @NModuleScope SameAccount
 */
define(['N/runtime', 'N/record', 'N/search', 'N/https', 'N/log', './integrator_da_lib'],
  function (runtime, record, search, https, log, lib) {
    'use strict';

    var DEFAULT_EVENTS = ['create', 'edit', 'xedit'];

    function listed(list, value, fallback) {
      var l = Array.isArray(list) && list.length ? list : fallback;
      if (!l) {
        return true;
      }
      var v = String(value || '').toLowerCase();
      return l.some(function (x) { return String(x).toLowerCase() === v; });
    }

    function config() {
      var script = runtime.getCurrentScript();
      var raw = script.getParameter({ name: 'custscript_integrator_da_config' });
      return {
        url: script.getParameter({ name: 'custscript_integrator_da_url' }),
        token: script.getParameter({ name: 'custscript_integrator_da_token' }),
        distributed: raw ? (typeof raw === 'string' ? JSON.parse(raw) : raw) : {}
      };
    }

    /** True when the record meets the qualifier, checked by NetSuite with a search on its internal id. */
    function qualifies(type, id, qualifier) {
      if (qualifier === undefined || qualifier === null || qualifier === '') {
        return true;
      }
      var filter = lib.parseExpression(qualifier, 'qualifier');
      var found = search.create({ type: type, filters: [['internalid', 'anyof', id], 'AND', filter], columns: [] })
        .run().getRange({ start: 0, end: 1 });
      return found.length > 0;
    }

    /** The saved record as JSON: body fields, and the lines of the listed sublists. */
    function build(type, id, sublists) {
      var rec = record.load({ type: type, id: id });
      var out = { id: String(id), recordType: type };
      rec.getFields().forEach(function (f) {
        out[f.toLowerCase()] = rec.getValue({ fieldId: f });
      });
      (sublists || []).forEach(function (s) {
        var sublistId = String(s).toLowerCase();
        var lines = [];
        var count = rec.getLineCount({ sublistId: sublistId });
        var fields = count > 0 ? rec.getSublistFields({ sublistId: sublistId }) : [];
        for (var i = 0; i < count; i++) {
          var line = {};
          fields.forEach(function (f) {
            line[f.toLowerCase()] = rec.getSublistValue({ sublistId: sublistId, fieldId: f, line: i });
          });
          lines.push(line);
        }
        out[sublistId] = lines;
      });
      return out;
    }

    function afterSubmit(context) {
      var c = config();
      var d = c.distributed;
      var type = String(context.newRecord.type).toLowerCase();
      var eventType = String(context.type).toLowerCase();
      var executionContext = String(runtime.executionContext).toLowerCase();
      if (lib.flag(d.disabled) || !c.url || !c.token) {
        return;
      }
      if (d.recordType && String(d.recordType).toLowerCase() !== type) {
        return;
      }
      if (!listed(d.executionContext, executionContext, null) || !listed(d.executionType, eventType, DEFAULT_EVENTS)) {
        return;
      }
      var id = context.newRecord.id;
      if (!qualifies(type, id, d.qualifier)) {
        return;
      }
      var records = [build(type, id, d.sublists)];
      var pre = d.hooks && d.hooks.preSend;
      if (pre) {
        records = lib.loadHook(pre, 'hooks.preSend')({ data: records, settings: d.settings || {} });
        if (!Array.isArray(records)) {
          throw lib.requestError('INVALID_REQUEST', 'hooks.preSend must return an array of records');
        }
        if (!records.length) {
          return;
        }
      }
      var response = https.post({
        url: c.url,
        body: JSON.stringify({ recordType: type, executionContext: executionContext, eventType: eventType, records: records }),
        headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + c.token }
      });
      if (response.code < 200 || response.code >= 300) {
        // never log the token; the record is saved whatever the engine answered
        log.error({
          title: 'Integrator push failed',
          details: type + ' ' + id + ': the engine answered ' + response.code + ' ' + String(response.body).substring(0, 500)
        });
      } else {
        log.debug({ title: 'Integrator push', details: type + ' ' + id + ' sent' });
      }
    }

    return { afterSubmit: afterSubmit };
  });
