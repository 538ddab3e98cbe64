// The browser side of the preview: a stand-in for google.script.run and google.script.host, injected
// into every served sidebar before the page's own script. Each call POSTs { fn, args } to /api/call; the
// reply is the server function's return value as JSON (2xx), or { error } with an error status, which
// goes to the failure handler as an Error, as Apps Script does for an exception on the server. What may
// cross is google.script.run's plain data (src/local/plainData.ts is the server side of the same rule).
//
// Plain ES5 in a string on purpose: it runs in the browser as is (no transpiler helpers sneak in).

/** The path the bridge POSTs to. */
export const CALL_PATH = '/api/call';

/** Response header set when the call changed the workbook and it was saved. */
export const SAVED_HEADER = 'X-Workbook-Saved';

/** postMessage type the bridge sends to the index page after a saved change. */
export const CHANGED_MESSAGE = 'studio-ledger:changed';

export const BRIDGE_SCRIPT = `
(function () {
  'use strict';
  function asError(x) {
    return x instanceof Error ? x : new Error(String(x));
  }
  function changed() {
    try {
      if (window.parent && window.parent !== window)
        window.parent.postMessage({ type: ${JSON.stringify(CHANGED_MESSAGE)} }, location.origin);
    } catch (e) {
      /* not framed by the index page */
    }
  }
  // As google.script.run: numbers, strings, booleans, null, and arrays and plain objects of those; a
  // Date, a function, a DOM element (but a form as the only argument) or a cycle fails the call; undefined
  // in an array becomes null and an undefined property is dropped.
  function illegal(property) {
    return new Error('Failed due to illegal value in property: ' + property);
  }
  function copy(v, property, seen) {
    if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
    if (typeof v === 'number') return isFinite(v) ? v : null;
    if (v === undefined) return null;
    if (typeof v !== 'object' || v instanceof Date || (typeof Node !== 'undefined' && v instanceof Node))
      throw illegal(property);
    if (seen.indexOf(v) >= 0) throw illegal(property);
    seen.push(v);
    var out, i, k;
    if (Array.isArray(v)) {
      out = [];
      for (i = 0; i < v.length; i++) out.push(copy(v[i], String(i), seen));
    } else {
      var proto = Object.getPrototypeOf(v);
      if (proto !== null && proto !== Object.prototype) throw illegal(property);
      out = {};
      for (k in v)
        if (Object.prototype.hasOwnProperty.call(v, k) && v[k] !== undefined) out[k] = copy(v[k], k, seen);
    }
    seen.pop();
    return out;
  }
  // A form, the only argument, goes as its named fields (a repeated name as a list); the preview
  // cannot carry a file.
  function formFields(form) {
    var out = {};
    var data = new FormData(form);
    data.forEach(function (value, name) {
      if (typeof value !== 'string') throw new Error('The preview cannot send the file in ' + name + '.');
      if (!Object.prototype.hasOwnProperty.call(out, name)) out[name] = value;
      else if (Array.isArray(out[name])) out[name].push(value);
      else out[name] = [out[name], value];
    });
    return out;
  }
  function plainArgs(args) {
    if (args.length === 1 && typeof HTMLFormElement !== 'undefined' && args[0] instanceof HTMLFormElement)
      return [formFields(args[0])];
    var out = [];
    for (var i = 0; i < args.length; i++) out.push(copy(args[i], String(i), []));
    return out;
  }
  function send(fn, args, onOk, onFail, userObject) {
    while (args.length && args[args.length - 1] === undefined) args.pop();
    // Like Google's client, an argument it cannot send throws here, before any request is made.
    var body = JSON.stringify({ fn: fn, args: plainArgs(args) });
    var request = fetch(${JSON.stringify(CALL_PATH)}, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: body,
    }).then(function (res) {
      return res.text().then(function (text) {
        var parsed;
        try {
          parsed = text ? JSON.parse(text) : null;
        } catch (e) {
          throw new Error('The preview server sent a reply that is not JSON (HTTP ' + res.status + ').');
        }
        if (!res.ok) {
          var err = new Error((parsed && parsed.error) || 'HTTP ' + res.status);
          err.name = 'ScriptError';
          throw err;
        }
        if (res.headers.get(${JSON.stringify(SAVED_HEADER)}) === '1') changed();
        return parsed;
      });
    });
    request.then(
      function (value) {
        if (onOk) onOk(value, userObject);
      },
      function (e) {
        if (onFail) onFail(asError(e), userObject);
        else console.error('google.script.run.' + fn + ' failed:', e);
      },
    );
  }
  function runner(onOk, onFail, userObject) {
    var api = {
      withSuccessHandler: function (f) {
        return runner(f, onFail, userObject);
      },
      withFailureHandler: function (f) {
        return runner(onOk, f, userObject);
      },
      withUserObject: function (o) {
        return runner(onOk, onFail, o);
      },
    };
    return new Proxy(api, {
      get: function (target, name) {
        if (typeof name !== 'string') return undefined;
        if (Object.prototype.hasOwnProperty.call(target, name)) return target[name];
        if (name === 'then' || name === 'toJSON') return undefined;
        return function () {
          send(name, Array.prototype.slice.call(arguments), onOk, onFail, userObject);
        };
      },
    });
  }
  window.google = {
    script: {
      run: runner(null, null, undefined),
      host: {
        origin: location.origin,
        close: function () {
          console.info('google.script.host.close(): the preview keeps the sidebar open.');
        },
        setHeight: function () {},
        setWidth: function () {},
        editor: { focus: function () {} },
      },
    },
  };
})();
`;

/**
 * The page with the bridge as its first script: before the first <script>, or at the end of <head>,
 * whichever comes first (a page with neither gets it at the very start).
 */
export function injectBridge(html: string): string {
  const tag = `<script data-preview-bridge>${BRIDGE_SCRIPT}</script>\n`;
  const candidates = [html.search(/<script\b/i), html.search(/<\/head\s*>/i)].filter((i) => i >= 0);
  const at = candidates.length ? Math.min(...candidates) : 0;
  return html.slice(0, at) + tag + html.slice(at);
}
