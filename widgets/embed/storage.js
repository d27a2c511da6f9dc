/* Tollgate: hosted widget pages (/embed/...) keep nothing in the browser's storage: they get a
 * per-page in-memory store, whose saved colour mode is the page's `theme` parameter (light by
 * default; "system" follows the device), read by the app before its first paint. Any other
 * page gets one only where storage access throws (a framed page under third-party storage
 * blocking), as the app reads storage while it starts. */
(function () {
  var embedded = location.pathname.indexOf("/embed/") === 0;
  function usable(name) {
    try {
      var store = window[name];
      store.setItem("__tg", "1");
      store.removeItem("__tg");
      return true;
    } catch (error) {
      return false;
    }
  }
  function memory(initial) {
    var data = initial || {};
    return {
      get length() { return Object.keys(data).length; },
      key: function (i) { var keys = Object.keys(data); return i in keys ? keys[i] : null; },
      getItem: function (k) {
        return Object.prototype.hasOwnProperty.call(data, k) ? data[k] : null;
      },
      setItem: function (k, v) { data[String(k)] = String(v); },
      removeItem: function (k) { delete data[String(k)]; },
      clear: function () { data = {}; }
    };
  }
  var theme = new URLSearchParams(location.search).get("theme");
  theme = theme === "dark" || theme === "system" ? theme : "light";
  ["localStorage", "sessionStorage"].forEach(function (name) {
    if (!embedded && usable(name)) return;
    var initial = embedded && name === "localStorage" ? {theme: theme} : {};
    try {
      Object.defineProperty(window, name, {configurable: true, value: memory(initial)});
    } catch (error) { /* the app then runs without storage, as before */ }
  });
})();
