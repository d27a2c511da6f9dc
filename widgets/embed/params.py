"""Pure: the hosted widget pages, and their query parameters checked into `EmbedParams`.

The key, origin and token are checked by the backend (`POST /api/v1/embed/frame-check`);
here only their presence and the shape of the widget options."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from widgets.embed.problems import Problem, problem

_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$")
_CURRENCY = re.compile(r"^[A-Za-z]{3}$")
_LOCALE = re.compile(r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$")
PERIODS = ("monthly", "annual")
THEMES = ("light", "dark", "system")


@dataclass(frozen=True)
class Widget:
    """One hosted page: its route, whether it acts for a customer, and its required options."""

    name: str
    route: str
    title: str
    customer: bool
    needs: tuple[str, ...] = ()


WIDGETS = {w.name: w for w in (
    Widget("paywall", "/embed/paywall", "Pricing", False, ("product",)),
    Widget("portal", "/embed/portal", "Your subscription", True, ("product",)),
    Widget("checkout", "/embed/checkout", "Checkout", True, ("product", "plan")),
    Widget("credit-balance", "/embed/credits/balance", "Credit balance", True,
           ("credit_currency",)),
    Widget("credit-usage", "/embed/credits/usage", "Credit usage", True, ("credit_currency",)),
    Widget("credit-grants", "/embed/credits/grants", "Credit grants", True,
           ("credit_currency",)),
    Widget("auto-recharge", "/embed/credits/auto-recharge", "Automatic recharge", True,
           ("credit_currency",)),
)}


class BadParams(ValueError):
    """The page's query parameters cannot be used; `problem` says why, for the frame."""

    def __init__(self, found: Problem):
        super().__init__(found.body)
        self.problem = found


@dataclass(frozen=True)
class EmbedParams:
    """A hosted page's inputs once their shape is checked (strings, "" when not given)."""

    widget: str
    key: str
    origin: str
    token: str = ""
    product: str = ""
    plan: str = ""
    period: str = ""
    currency: str = ""
    credit_currency: str = ""
    locale: str = ""
    theme: str = ""


def query_of(url: str) -> dict[str, str]:
    """The first value of each query parameter of `url`."""
    return {k: v[0] for k, v in parse_qs(urlsplit(url).query).items() if v}


def widget_for(path: str) -> Widget | None:
    """The hosted page a URL path is (`/embed/paywall/workspace` is the paywall)."""
    path = path.rstrip("/")
    for widget in WIDGETS.values():
        if path == widget.route or (widget.name == "paywall" and
                                    path.startswith(widget.route + "/")):
            return widget
    return None


def path_product(widget: Widget, path: str) -> str:
    """The product named in the path (`/embed/paywall/<product>`), or ""."""
    rest = path.rstrip("/").removeprefix(widget.route).strip("/")
    return rest if rest and "/" not in rest else ""


def _option(query: Mapping[str, str], name: str, pattern: re.Pattern[str]) -> str:
    value = (query.get(name) or "").strip()
    if value and not pattern.match(value):
        raise BadParams(problem("bad_params", f"'{name}' is not valid: {value[:60]}"))
    return value


def parse(widget: Widget, query: Mapping[str, str], path_product: str = "") -> EmbedParams:
    """Check the shape of a page's parameters; the first problem raises `BadParams`. A customer
    widget without a token is refused later, once the host origin is verified (the host page
    then hears of it and may supply one)."""
    key = (query.get("key") or "").strip()
    if not key:
        raise BadParams(problem("key_missing"))
    origin = (query.get("origin") or "").strip()
    if not origin:
        raise BadParams(problem("origin_missing"))
    token = (query.get("token") or "").strip()
    values = {name: _option(query, name, _ID)
              for name in ("product", "plan", "credit_currency")}
    values["product"] = values["product"] or _option({"product": path_product}, "product", _ID)
    missing = [name for name in widget.needs if not values[name]]
    if missing:
        raise BadParams(problem("bad_params", f"The {widget.name} needs "
                                + ", ".join(f"'{m}'" for m in missing) + "."))
    period = (query.get("period") or "").strip()
    theme = (query.get("theme") or "").strip()
    if period and period not in PERIODS:
        raise BadParams(problem("bad_params", "'period' is monthly or annual."))
    if theme and theme not in THEMES:
        raise BadParams(problem("bad_params", "'theme' is light, dark or system."))
    return EmbedParams(
        widget=widget.name, key=key, origin=origin, token=token, period=period, theme=theme,
        currency=_option(query, "currency", _CURRENCY).upper(),
        locale=_option(query, "locale", _LOCALE), **values)
