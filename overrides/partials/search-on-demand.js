// Load the search index on first use of search, not on every page (issue 17: 110+ KiB before
// anyone searches). Material requests it with XMLHttpRequest as soon as its bundle runs; this holds
// that one request back until the reader opens search (focus on the query box, the search toggle,
// a shortcut key that focuses it), or a ?q= / ?h= address needs it. Inlined before the bundle by overrides/main.html.
(function () {
  "use strict";
  var INDEX = /\/search\/search_index\.json(?:$|[?#])/;
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  var held = [];
  var wanted = /[?&][qh]=/.test(location.search);

  function release() {
    if (wanted) return;
    wanted = true;
    held.splice(0).forEach(function (request) { send.apply(request.xhr, request.args); });
  }

  XMLHttpRequest.prototype.open = function (method, url) {
    this.searchIndex = INDEX.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (this.searchIndex && !wanted) {
      held.push({ xhr: this, args: arguments });
      return undefined;
    }
    return send.apply(this, arguments);
  };

  document.addEventListener("focusin", function (event) {
    if (event.target.matches && event.target.matches("[data-md-component=search-query]")) release();
  });
  document.addEventListener("change", function (event) {
    if (event.target.id === "__search" && event.target.checked) release();
  });
})();
