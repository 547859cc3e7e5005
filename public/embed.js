/*
 * Mapline embed host script. Add it once to a page that embeds Mapline views:
 *
 *   <iframe data-mapline src="https://…/embed/timeline" title="…" …></iframe>
 *   <script src="https://…/embed.js" defer></script>
 *
 * It sizes each Mapline iframe from the frame's own messages, and re-dispatches
 * them on the iframe as DOM events (mapline:ready, mapline:resize,
 * mapline:change with event.detail) for the page's own use. A message counts
 * only when it comes from the iframe's window and from the iframe's origin,
 * exactly. An iframe with data-fixed-height keeps its height. Frames that were
 * ready before this script ran are asked (mapline:hello) to say so again.
 */
(function () {
  'use strict';
  var MAX_HEIGHT = 20000;

  function originOf(frame) {
    try {
      return new URL(frame.getAttribute('src'), document.baseURI).origin;
    } catch (e) {
      return null;
    }
  }

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data !== 'object' || typeof data.type !== 'string') return;
    if (data.type.indexOf('mapline:') !== 0) return;
    var frames = document.querySelectorAll('iframe[data-mapline]');
    for (var i = 0; i < frames.length; i += 1) {
      var frame = frames[i];
      if (event.source !== frame.contentWindow || event.origin !== originOf(frame)) continue;
      if (data.type === 'mapline:resize' && !frame.hasAttribute('data-fixed-height')) {
        var height = Number(data.height);
        if (isFinite(height) && height > 0) {
          frame.style.height = Math.min(Math.ceil(height), MAX_HEIGHT) + 'px';
        }
      }
      frame.dispatchEvent(new CustomEvent(data.type, { detail: data }));
    }
  });

  // A frame that was ready before this script ran has already sent its first
  // messages: ask each frame to say them again (now, and when it loads).
  function hello(frame) {
    var origin = originOf(frame);
    if (origin && origin !== 'null' && frame.contentWindow) {
      frame.contentWindow.postMessage({ type: 'mapline:hello' }, origin);
    }
  }
  var frames = document.querySelectorAll('iframe[data-mapline]');
  for (var i = 0; i < frames.length; i += 1) {
    hello(frames[i]);
    frames[i].addEventListener('load', hello.bind(null, frames[i]));
  }
})();
