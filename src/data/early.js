// Starts downloading the page's data while the app's WebAssembly loads, and
// reads the body as it arrives; the app takes this response and body (once)
// instead of fetching the same URL again, so the two downloads overlap. The
// URL is worked out as the app does it: ?source=, else ?data=, else the
// bundled manifest, against the document base. `last` is when the server was
// last heard from (headers, or a part of the body): the app gives the download
// up after a silence (data/mod.rs, INACTIVITY_LIMIT_MS) and calls `abort`.
(function () {
  'use strict';
  try {
    var params = new URLSearchParams(window.location.search);
    var url = params.get('source') || params.get('data') || 'data/manifest.json';
    if (!params.get('source') && url === 'draft') return; // staff drafts live in this browser
    var absolute = new URL(url, document.baseURI);
    if (absolute.protocol !== 'https:' && absolute.protocol !== 'http:') return;
    var controller = typeof AbortController === 'function' ? new AbortController() : null;
    var early = {
      url: absolute.href,
      last: Date.now(),
      abort: function () {
        if (controller) controller.abort();
      },
    };
    var heard = function () {
      early.last = Date.now();
    };
    var response = fetch(absolute.href, controller ? { signal: controller.signal } : {});
    // The app reports failures when it takes the response; a response it never
    // takes must not surface as an unhandled rejection.
    response.then(heard, function () {});
    // Read now: the app's own read would start only once the wasm runs.
    var body = response.then(function (r) {
      if (!r.ok) return null;
      if (!r.body || !r.body.getReader) return r.arrayBuffer();
      var reader = r.body.getReader();
      var parts = [];
      var size = 0;
      var next = function () {
        return reader.read().then(function (step) {
          heard();
          if (step.done) {
            var all = new Uint8Array(size);
            var at = 0;
            for (var i = 0; i < parts.length; i += 1) {
              all.set(parts[i], at);
              at += parts[i].length;
            }
            return all;
          }
          parts.push(step.value);
          size += step.value.length;
          return next();
        });
      };
      return next();
    });
    body.catch(function () {});
    early.response = response;
    early.body = body;
    window.maplineEarly = early;
  } catch (e) {
    // A malformed address: the app reports it when it loads.
  }
})();
