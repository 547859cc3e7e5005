// Starts downloading the page's data while the app's WebAssembly loads, and
// reads the body as it arrives; the app takes this response and body (once)
// instead of fetching the same URL again, so the two downloads overlap. The
// URL is worked out as the app does it: ?source=, else ?data=, else the
// bundled manifest, against the document base.
(function () {
  'use strict';
  try {
    var params = new URLSearchParams(window.location.search);
    var url = params.get('source') || params.get('data') || 'data/manifest.json';
    if (!params.get('source') && url === 'draft') return; // staff drafts live in this browser
    var absolute = new URL(url, document.baseURI);
    if (absolute.protocol !== 'https:' && absolute.protocol !== 'http:') return;
    var response = fetch(absolute.href);
    // The app reports failures when it takes the response; a response it never
    // takes must not surface as an unhandled rejection.
    response.catch(function () {});
    // Read now: the app's own read would start only once the wasm runs.
    var body = response.then(function (r) {
      return r.ok ? r.arrayBuffer() : null;
    });
    body.catch(function () {});
    window.maplineEarly = { url: absolute.href, response: response, body: body };
  } catch (e) {
    // A malformed address: the app reports it when it loads.
  }
})();
