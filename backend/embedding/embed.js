/*
 * Tollgate embed.js: Tollgate's widgets in any web page, each in an iframe of its hosted page.
 *
 *   <script src="https://tollgate.example/embed.js" data-publishable-key="tg_pk_..."></script>
 *   <div data-tollgate-widget="paywall" data-product="workspace"></div>
 *
 * Elements with `data-tollgate-widget` are mounted on DOMContentLoaded. Widgets: paywall,
 * portal, checkout, credit-balance, credit-usage, credit-grants, auto-recharge. Attributes:
 * data-publishable-key (overrides the script's), data-customer-token, data-product, data-plan,
 * data-period (monthly|annual), data-currency, data-credit-currency, data-locale,
 * data-theme (light|dark|system; light by default).
 *
 *   var frame = Tollgate.mount(element, {widget, publishableKey, customerToken, product, plan,
 *     period, currency, creditCurrency, locale, theme, title, onEvent(type, detail),
 *     onReady, onPlanSelected(detail), onCheckoutCompleted(detail), onError(detail),
 *     getCustomerToken: async () => "tg_ct_..."});
 *   frame.setCustomerToken(token); frame.setTheme("dark"); frame.unmount(); frame.iframe
 *
 * The element receives bubbling CustomEvents `tollgate:<type>` with the payload as `detail`:
 * ready {widget}, resize {height}, planSelected {planId, billingPeriod, intent, quantities},
 * checkoutCompleted {subscriptionId, planId, planName, billingPeriod, change, effective,
 * invoiceId, amountCharged}, tokenExpiring {expiresAt}, error {code, title, message}.
 * When the frame reports an expired (or expiring) customer token, `getCustomerToken()` is
 * awaited and the new token sent to the frame. Every message is checked both ways: here its
 * source must be the iframe's window and its origin Tollgate's (this script's origin); the frame
 * answers only the host origin that Tollgate verified against the allowed embedding origins.
 */
(function () {
  "use strict";
  if (window.Tollgate && window.Tollgate.mount) return;

  var script = document.currentScript || document.querySelector("script[src*='/embed.js']");
  var ORIGIN = new URL(script && script.src ? script.src : location.href).origin;
  var DEFAULT_KEY = script ? script.getAttribute("data-publishable-key") : null;
  var PATHS = {
    "paywall": ["/embed/paywall", "Pricing plans"],
    "portal": ["/embed/portal", "Your subscription"],
    "checkout": ["/embed/checkout", "Checkout"],
    "credit-balance": ["/embed/credits/balance", "Credit balance"],
    "credit-usage": ["/embed/credits/usage", "Credit usage"],
    "credit-grants": ["/embed/credits/grants", "Credit grants"],
    "auto-recharge": ["/embed/credits/auto-recharge", "Automatic recharge"]
  };
  var PARAMS = {product: "product", plan: "plan", period: "period", currency: "currency",
    creditCurrency: "credit_currency", locale: "locale", theme: "theme"};
  var CALLBACKS = {ready: "onReady", planSelected: "onPlanSelected",
    checkoutCompleted: "onCheckoutCompleted", error: "onError"};
  var TOKEN_ERRORS = {token_expired: true, token_missing: true, tokenExpiring: true};
  var MAX_REFRESHES = 3;

  function frameUrl(widget, key, token, options) {
    var url = new URL(PATHS[widget][0], ORIGIN);
    url.searchParams.set("key", key);
    url.searchParams.set("origin", location.origin);
    if (token) url.searchParams.set("token", token);
    Object.keys(PARAMS).forEach(function (name) {
      if (options[name]) url.searchParams.set(PARAMS[name], String(options[name]));
    });
    return url.toString();
  }

  function mount(element, options) {
    if (typeof element === "string") element = document.querySelector(element);
    if (!element) throw new Error("Tollgate.mount: no element to mount into");
    options = Object.assign({}, options);
    var widget = options.widget;
    if (!PATHS[widget]) {
      throw new Error("Tollgate.mount: unknown widget '" + widget + "' (one of " +
        Object.keys(PATHS).join(", ") + ")");
    }
    if (element.tollgate) element.tollgate.unmount();
    var key = options.publishableKey || DEFAULT_KEY;
    if (!key) throw new Error("Tollgate.mount: pass publishableKey (or data-publishable-key)");
    var token = options.customerToken || null;
    var connected = false;
    var refreshes = 0;

    var iframe = document.createElement("iframe");
    iframe.title = options.title || PATHS[widget][1];
    iframe.setAttribute("frameborder", "0");
    iframe.style.cssText = "border:0;width:100%;display:block;height:150px;" +
      "background:transparent;overflow:hidden;";
    iframe.src = frameUrl(widget, key, token, options);

    function emit(type, detail) {
      element.dispatchEvent(new CustomEvent("tollgate:" + type, {bubbles: true, detail: detail}));
      if (typeof options.onEvent === "function") options.onEvent(type, detail);
      var callback = options[CALLBACKS[type]];
      if (typeof callback === "function") callback(detail);
    }

    function toFrame(message) {
      message.source = "tollgate-host";
      iframe.contentWindow.postMessage(message, ORIGIN);
    }

    function setCustomerToken(next) {
      token = next || null;
      if (connected && token) {
        toFrame({type: "setToken", token: token});
        connected = false;  // the frame reloads with it
      } else {
        connected = false;
        iframe.src = frameUrl(widget, key, token, options);
      }
    }

    function refreshToken() {
      if (typeof options.getCustomerToken !== "function" || refreshes >= MAX_REFRESHES) {
        return false;
      }
      refreshes += 1;
      var asked = new Promise(function (resolve) { resolve(options.getCustomerToken()); });
      asked.then(function (next) {
        if (next) setCustomerToken(next);
      }, function (reason) {
        emit("error", {code: "token_refresh_failed", title: "Token refresh failed",
          message: String(reason && reason.message || reason)});
      });
      return true;
    }

    function onMessage(event) {
      if (event.source !== iframe.contentWindow || event.origin !== ORIGIN) return;
      var data = event.data;
      if (!data || data.source !== "tollgate" || typeof data.type !== "string") return;
      var detail = {};
      Object.keys(data).forEach(function (name) {
        if (name !== "source" && name !== "type") detail[name] = data[name];
      });
      connected = true;
      if (data.type === "resize") {
        var height = Math.max(0, Math.ceil(Number(data.height) || 0));
        iframe.style.height = height + "px";
        detail = {height: height};
      } else if (data.type === "ready") {
        refreshes = 0;
      }
      var code = data.type === "error" ? detail.code : data.type;
      if (TOKEN_ERRORS[code] && refreshToken()) {
        if (data.type !== "error") emit(data.type, detail);
        return;
      }
      emit(data.type, detail);
    }

    window.addEventListener("message", onMessage);
    element.appendChild(iframe);
    element.tollgate = {
      iframe: iframe,
      setCustomerToken: setCustomerToken,
      setTheme: function (theme) {
        options.theme = theme;
        if (connected) toFrame({type: "setTheme", theme: theme});
        else iframe.src = frameUrl(widget, key, token, options);
      },
      unmount: function () {
        window.removeEventListener("message", onMessage);
        if (iframe.parentNode) iframe.parentNode.removeChild(iframe);
        delete element.tollgate;
      }
    };
    return element.tollgate;
  }

  function fromAttributes(element) {
    var data = element.dataset;
    return {widget: data.tollgateWidget, publishableKey: data.publishableKey,
      customerToken: data.customerToken, product: data.product, plan: data.plan,
      period: data.period, currency: data.currency, creditCurrency: data.creditCurrency,
      locale: data.locale, theme: data.theme, title: data.title};
  }

  function mountAll(root) {
    var found = (root || document).querySelectorAll("[data-tollgate-widget]");
    Array.prototype.forEach.call(found, function (element) {
      if (element.tollgate) return;
      try {
        mount(element, fromAttributes(element));
      } catch (error) {
        console.error(error);
      }
    });
  }

  window.Tollgate = {mount: mount, mountAll: mountAll, origin: ORIGIN, version: "1"};
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { mountAll(); });
  } else {
    mountAll();
  }
})();
