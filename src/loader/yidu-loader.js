// The one file a site adds: <script src=".../yidu.js">. A classic script, so it works from any path and in
// any position (head or body, defer or async). It remembers its own tag (whose data-* configure yidu) and
// imports the module next to itself, which loads everything else relative to that URL.
(function () {
  var script = document.currentScript;
  if (!script) {
    var all = document.querySelectorAll('script[src*="yidu"]');
    script = all[all.length - 1];
  }
  if (!script || !script.src) {
    console.error('[yidu] cannot find its own <script> tag; load yidu.js with a <script src> element.');
    return;
  }
  // Below what yidu supports (docs/browsers.md: Chromium 83+, Firefox 101+, Safari 16.4+) the page stays exactly
  // as without yidu, with one warning. A feature, not a version: constructed stylesheets (every kernel that has
  // them has the other APIs the first load uses); syntax the kernel cannot parse shows up as a SyntaxError below.
  var OLD = '[yidu] browser too old; page left as is';
  if (!('adoptedStyleSheets' in Document.prototype)) return console.warn(OLD);
  var SCRIPT = Symbol.for('yidu.script');
  if (!window[SCRIPT]) window[SCRIPT] = script;

  // A returning reader with a larger size, elder mode, a colour scheme, page zoom, the text-only view or the
  // docked bar saved should not see the page flash as it was: hide it until the saved preferences are
  // applied (at most one second). Which preferences, with their defaults: the modes marked `cloak` in
  // src/core/modes.ts, written in by the build (this file imports nothing).
  var CLOAK = Symbol.for('yidu.cloak');
  try {
    var key = script.getAttribute('data-storage-key') || (window.yiduConfig && window.yiduConfig.storageKey) || 'yidu:prefs';
    var saved = JSON.parse(localStorage.getItem(key) || 'null');
    var prefs = saved && saved.prefs;
    // Written in by the build: true when a saved preference marked `cloak` is away from its default.
    var changesPage = prefs && __CLOAK_TEST__;
    if (!window[CLOAK] && changesPage) {
      var sheet = new CSSStyleSheet();
      sheet.replaceSync(':root{visibility:hidden !important}');
      document.adoptedStyleSheets = document.adoptedStyleSheets.concat(sheet);
      var uncloak = function () {
        clearTimeout(timer);
        document.adoptedStyleSheets = document.adoptedStyleSheets.filter(function (s) { return s !== sheet; });
      };
      var timer = setTimeout(uncloak, 1000);
      window[CLOAK] = uncloak;
    }
  } catch (e) {
    // Storage blocked or a foreign record: the module reports it; nothing to hide.
  }

  var url = new URL('yidu.mjs', script.src).href;
  import(url).catch(function (e) {
    if (window[CLOAK]) window[CLOAK]();
    if (e instanceof SyntaxError) return console.warn(OLD);
    // A Trusted Types policy that leaves out Lit's policy stops yidu's interface from rendering at all.
    console.error(/createPolicy/.test(e) ? '[yidu] add lit-html to the trusted-types directive of the Content-Security-Policy' : '[yidu] could not load ' + url, e);
  });
})();
