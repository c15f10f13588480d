/**
 * Hook functions of the API document's samples, as they would sit in the File Cabinet.
 *
 * @NApiVersion 2.1
 * @NModuleScope SameAccount
 */
define([], function () {
  'use strict';
  var calls = { postSubmit: 0 };
  return {
    calls: calls,
    myPreMappingLogic: function (options) {
      return options.data.map(function (r) {
        var c = JSON.parse(JSON.stringify(r));
        c.first_name = String(c.first_name || '').trim();
        return { data: c };
      });
    },
    myPostMappingLogic: function (options) {
      return options.postMapData.map(function (r) {
        var c = JSON.parse(JSON.stringify(r));
        c.memo = 'via DA';
        return { data: c };
      });
    },
    myPostSubmitLogic: function (options) {
      calls.postSubmit++;
      return options.responseData;
    },
    myPreSendLogic: function (options) {
      return options.data.map(function (r) {
        var c = JSON.parse(JSON.stringify(r));
        c.presend = true;
        return c;
      });
    },
    rejectAll: function (options) {
      return options.data.map(function () {
        return { errors: [{ code: 'REJECTED', message: 'not today' }] };
      });
    }
  };
});
