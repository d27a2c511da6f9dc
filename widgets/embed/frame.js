/* Tollgate frame bridge: runs inside a hosted widget page (/embed/...). Until the page's state
 * has verified the host origin and calls TollgateFrame.start(origin, info) nothing is posted
 * (messages wait in a queue);
 * then the content's height (ResizeObserver) and the widget's events go to window.parent with
 * that origin as targetOrigin only, and messages are accepted from the parent only when
 * event.origin is that origin: {source: "tollgate-host", type: "setToken", token} reloads the
 * page with the new customer token, {type: "setTheme", theme: "light"|"dark"} switches theme. */
(function () {
  "use strict";
  if (window.TollgateFrame) return;
  var hostOrigin = null;
  var lastHeight = -1;
  var queued = [];
  var themeSet = null;

  function applyTheme(theme) {
    if (theme !== "light" && theme !== "dark") return;
    var root = document.documentElement;
    root.classList.remove("light", "dark");
    root.classList.add(theme);
    root.style.colorScheme = theme;
  }

  function post(type, payload) {
    var message = {source: "tollgate", type: type};
    Object.keys(payload || {}).forEach(function (name) { message[name] = payload[name]; });
    if (!hostOrigin) {
      queued.push(message);
      return;
    }
    if (window.parent !== window) window.parent.postMessage(message, hostOrigin);
  }

  function content() {
    return document.querySelector("[data-tg-embed]");
  }

  function measure() {
    var element = content();
    if (!element) return;
    var height = Math.ceil(element.getBoundingClientRect().height);
    if (height !== lastHeight) {
      lastHeight = height;
      post("resize", {height: height});
    }
  }

  function reloadWithToken(token) {
    var url = new URL(location.href);
    url.searchParams.set("token", token);
    if (themeSet) url.searchParams.set("theme", themeSet);
    location.replace(url.toString());
  }

  function onMessage(event) {
    if (!hostOrigin || event.origin !== hostOrigin || event.source !== window.parent) return;
    var data = event.data;
    if (!data || data.source !== "tollgate-host") return;
    if (data.type === "setToken" && typeof data.token === "string" && data.token) {
      reloadWithToken(data.token);
    } else if (data.type === "setTheme" && (data.theme === "light" || data.theme === "dark")) {
      themeSet = data.theme;
      applyTheme(data.theme);
    }
  }

  function watchExpiry(expiresAt) {
    if (typeof expiresAt !== "number") return;
    var delay = Math.max(0, expiresAt - Date.now() - 60000);
    setTimeout(function () { post("tokenExpiring", {expiresAt: expiresAt}); },
      Math.min(delay, 2147483647));
  }

  function start(origin, info) {
    if (hostOrigin || typeof origin !== "string") return;
    var ancestors = location.ancestorOrigins;
    if (ancestors && ancestors.length && ancestors[0] !== origin) return;
    hostOrigin = origin;
    window.addEventListener("message", onMessage);
    queued.splice(0).forEach(function (message) {
      window.parent.postMessage(message, hostOrigin);
    });
    if (window.ResizeObserver && content()) new ResizeObserver(measure).observe(content());
    window.addEventListener("resize", measure);
    measure();
    watchExpiry((info || {}).expiresAt);
  }

  applyTheme(new URL(location.href).searchParams.get("theme"));
  window.TollgateFrame = {start: start, emit: post, theme: applyTheme};
})();
