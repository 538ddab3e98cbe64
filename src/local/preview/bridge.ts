// The browser side of the preview: a stand-in for google.script.run and google.script.host, injected
// into every served sidebar before the page's own script. Each call POSTs { fn, args } to /api/call; the
// reply is the server function's return value as JSON (2xx), or { error } with an error status, which
// goes to the failure handler as an Error, as Apps Script does for an exception on the server.
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
  function send(fn, args, onOk, onFail, userObject) {
    while (args.length && args[args.length - 1] === undefined) args.pop();
    var body;
    try {
      body = JSON.stringify({ fn: fn, args: args });
    } catch (e) {
      body = null;
    }
    var request = body === null
      ? Promise.reject(new Error('The arguments of ' + fn + ' are not plain data.'))
      : fetch(${JSON.stringify(CALL_PATH)}, {
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
