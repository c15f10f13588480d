'use strict';
// A tiny synchronous AMD loader for the SuiteScript tests: define([deps], factory) with N/* modules
// from stand-ins, relative paths from the script's folder and absolute paths ('/SuiteScripts/...')
// from a File Cabinet folder. Scripts also see a require([deps], callback) as SuiteScript servers give.
const fs = require('node:fs');
const path = require('node:path');

function createLoader(nModules, fileCabinet) {
  const cache = new Map();

  function resolve(dep, dir) {
    if (dep.startsWith('N/')) {
      if (!Object.prototype.hasOwnProperty.call(nModules, dep)) {
        throw new Error('no stand-in for ' + dep);
      }
      return nModules[dep];
    }
    const file = dep.startsWith('/') ? path.join(fileCabinet, dep) : path.resolve(dir, dep);
    return load(file);
  }

  function load(file) {
    const full = path.resolve(file.endsWith('.js') ? file : file + '.js');
    if (cache.has(full)) {
      return cache.get(full);
    }
    const dir = path.dirname(full);
    let exported;
    let defined = false;
    const define = (deps, factory) => {
      if (typeof deps === 'function') {
        factory = deps;
        deps = [];
      }
      exported = factory(...deps.map((d) => resolve(d, dir)));
      defined = true;
    };
    const amdRequire = (deps, callback) => {
      const mods = deps.map((d) => resolve(d, dir));
      if (callback) {
        callback(...mods);
      }
      return mods[0];
    };
    // eslint-disable-next-line no-new-func
    new Function('define', 'require', fs.readFileSync(full, 'utf8'))(define, amdRequire);
    if (!defined) {
      throw new Error(full + ' did not call define()');
    }
    cache.set(full, exported);
    return exported;
  }

  return { load };
}

module.exports = { createLoader };
