/* Tollgate: a hosted widget page inside another site's page may be denied web storage (third-
 * party storage blocking throws on any access to localStorage). The app reads it while it
 * starts, so swap in a per-page in-memory store where access throws; elsewhere nothing. */
(function () {
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
  function memory() {
    var data = {};
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
  ["localStorage", "sessionStorage"].forEach(function (name) {
    if (usable(name)) return;
    try {
      Object.defineProperty(window, name, {configurable: true, value: memory()});
    } catch (error) { /* nothing better to do */ }
  });
})();
