"""Pure view model of the auto-recharge widget: the API's settings turned into the status
card's sentences and the form's values, the checks of what a customer types, the warnings
saving would set off, and the API's 422 field errors mapped onto the form."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from decimal import Decimal

from backend.credits.schemas import MAX_CREDITS, SCALE, AutoRechargePublic
from backend.kit.money import exponent, format_money, from_minor, normalize_locale, to_minor
from widgets._ui.texts import fill
from widgets.credits.model import (
    DateOf,
    cost_minor,
    format_credits,
    money_of,
    parse_number,
    places,
    plain,
    units,
)

MAX_EXPIRY_DAYS = 3660
FIELDS = ("threshold", "target", "limit", "expiry")
_SERVER_FIELDS = {"threshold": "threshold", "threshold_type": "threshold",
                  "target_balance": "target", "monthly_limit": "limit",
                  "grant_expiry_days": "expiry"}


@dataclasses.dataclass
class RechargeView:
    available: bool = False
    configured: bool = False
    enabled: bool = False
    summary: str = ""
    has_limit: bool = False
    spend: str = ""
    spend_state: str = "ok"  # ok | warning | full
    spend_width: str = "0%"
    spend_now: int = 0
    spend_max: int = 0
    last: str = ""
    last_status: str = ""  # "" | succeeded | failed
    last_status_label: str = ""


def _threshold_text(amount: Decimal, kind: str, setting: AutoRechargePublic,
                    locale: str | None, texts: Mapping[str, str]) -> str:
    if kind == "amount" and setting.price is not None:
        return money_of(amount, setting.price.currency, locale)
    return fill(texts["threshold_credits"], amount=format_credits(amount, locale),
                units=units(amount, setting.currency))


def recharge_view(setting: AutoRechargePublic, locale: str | None, date_of: DateOf,
                  texts: Mapping[str, str]) -> RechargeView:
    """The status card: on or off, what it does, this month's spend against the limit and
    the last recharge."""
    loc, cur = normalize_locale(locale), setting.currency
    view = RechargeView(available=setting.price is not None, configured=setting.configured,
                        enabled=setting.enabled)
    if not view.available:
        view.summary = texts["unavailable"]
    elif not setting.configured:
        view.summary = fill(texts["not_set_up"], units=cur.unit_plural)
    elif not setting.enabled:
        view.summary = texts["paused"]
    else:
        view.summary = fill(
            texts["summary"], target=format_credits(setting.target_balance, loc),
            units=units(setting.target_balance, cur),
            threshold=_threshold_text(setting.threshold, setting.threshold_type, setting, loc,
                                      texts))
    spent = setting.spent_this_month
    limit = setting.monthly_limit
    spent_text = spent.formatted if spent else (
        format_money(0, setting.price.currency, loc) if setting.price else "")
    if limit is not None and limit.amount_minor > 0:
        used = spent.amount_minor if spent else 0
        percent = min(100, used * 100 // limit.amount_minor)
        view.has_limit, view.spend_width = True, f"{percent}%"
        view.spend_now, view.spend_max = min(used, limit.amount_minor), limit.amount_minor
        view.spend_state = "full" if percent >= 100 else "warning" if percent >= 80 else "ok"
        view.spend = fill(texts["spend"], spent=spent_text, limit=limit.formatted)
    elif setting.configured and view.available:
        view.spend = fill(texts["no_limit"], spent=spent_text)
    last = setting.last_recharge
    if last is not None:
        view.last_status = last.status
        view.last_status_label = texts[last.status]
        if last.status == "succeeded":
            view.last = fill(texts["last"], credits=format_credits(last.credits, loc),
                             units=units(last.credits, cur), date=date_of(last.at),
                             cost=last.cost.formatted if last.cost else "")
        else:
            view.last = fill(texts["last_failed"], date=date_of(last.at),
                             reason=last.failure or texts["failed"])
    return view


def form_values(setting: AutoRechargePublic) -> dict[str, str]:
    """The settings form's starting values (strings as the inputs show them). A first set-up
    starts switched on (opening it says the customer wants it) with empty amounts."""
    limit, fresh = setting.monthly_limit, not setting.configured
    return {
        "enabled": "on" if setting.enabled or fresh else "",
        "threshold_type": setting.threshold_type,
        "threshold": "" if fresh and not setting.threshold else plain(setting.threshold),
        "target": "" if fresh and not setting.target_balance else plain(setting.target_balance),
        "limit": plain(from_minor(limit.amount_minor, limit.currency)) if limit else "",
        "expiry": str(setting.grant_expiry_days or ""),
    }


def saved_body(setting: AutoRechargePublic) -> dict[str, object]:
    """The settings as saved, as the API takes them back."""
    limit = setting.monthly_limit
    return {"enabled": setting.enabled, "threshold_type": setting.threshold_type,
            "threshold": plain(setting.threshold), "target_balance": plain(setting.target_balance),
            "monthly_limit": plain(from_minor(limit.amount_minor, limit.currency))
            if limit else None,
            "grant_expiry_days": setting.grant_expiry_days}


def _amount(text: str, *, required: bool, max_places: int, locale: str | None,
            texts: Mapping[str, str]) -> tuple[Decimal | None, str]:
    if not (text or "").strip():
        return None, texts["required"] if required else ""
    value = parse_number(text, locale)
    if value is None:
        return None, texts["number"]
    if places(value) > max_places:
        return None, fill(texts["decimals"], places=max_places)
    if abs(value) >= MAX_CREDITS:
        return None, texts["too_large"]
    return value, ""


def validate_recharge(values: Mapping[str, str], setting: AutoRechargePublic,
                      locale: str | None, texts: Mapping[str, str]
                      ) -> tuple[dict[str, object] | None, dict[str, str]]:
    """The body to save, or None and a message per field. Switched off, the saved settings are
    kept as they are (the disabled fields are not checked)."""
    errors = dict.fromkeys(FIELDS, "")
    if not values.get("enabled"):
        return {**saved_body(setting), "enabled": False}, errors
    price = setting.price
    money_places = exponent(price.currency) if price else 2
    kind = "amount" if values.get("threshold_type") == "amount" and price else "credits"
    threshold, errors["threshold"] = _amount(
        values.get("threshold", ""), required=True, locale=locale, texts=texts,
        max_places=money_places if kind == "amount" else SCALE)
    if threshold is not None and threshold < 0:
        threshold, errors["threshold"] = None, texts["threshold_min"]
    target, errors["target"] = _amount(values.get("target", ""), required=True, locale=locale,
                                       max_places=SCALE, texts=texts)
    if target is not None and target <= 0:
        target, errors["target"] = None, texts["target_min"]
    if target is not None and threshold is not None:
        worth = target * price.amount if kind == "amount" and price else target
        if worth <= threshold:
            errors["target"] = fill(texts["target_above"], threshold=_threshold_text(
                threshold, kind, setting, locale, texts))
    limit, errors["limit"] = _amount(values.get("limit", ""), required=False, locale=locale,
                                     max_places=money_places, texts=texts)
    if limit is not None and limit <= 0:
        errors["limit"] = texts["limit_positive"]
    expiry_text = (values.get("expiry") or "").strip()
    expiry = parse_number(expiry_text, locale) if expiry_text else None
    if expiry_text and (expiry is None or places(expiry) > 0):
        errors["expiry"] = texts["whole"]
    elif expiry is not None and not 1 <= expiry <= MAX_EXPIRY_DAYS:
        errors["expiry"] = texts["expiry_range"]
    if any(errors.values()):
        return None, errors
    return {"enabled": True, "threshold_type": kind, "threshold": plain(threshold or 0),
            "target_balance": plain(target or 0),
            "monthly_limit": plain(limit) if limit is not None else None,
            "grant_expiry_days": int(expiry) if expiry is not None else None}, errors


def recharge_warnings(values: Mapping[str, str], setting: AutoRechargePublic,
                      balance: Decimal | None, locale: str | None,
                      texts: Mapping[str, str]) -> list[str]:
    """What saving these settings would set off: a recharge at the next consumption when the
    balance is already below the threshold, a monthly limit already used up or too small."""
    price = setting.price
    if not values.get("enabled") or price is None:
        return []
    out = []
    kind = "amount" if values.get("threshold_type") == "amount" else "credits"
    threshold = parse_number(values.get("threshold", ""), locale)
    if balance is not None and threshold is not None:
        worth = balance * price.amount if kind == "amount" else balance
        if worth < threshold:
            out.append(fill(texts["below_now"], balance=fill(
                texts["threshold_credits"], amount=format_credits(balance, locale),
                units=units(balance, setting.currency))))
    limit = parse_number(values.get("limit", ""), locale)
    if limit is not None and limit > 0:
        limit_minor = to_minor(limit, price.currency)
        spent = setting.spent_this_month
        target = parse_number(values.get("target", ""), locale)
        if spent is not None and spent.amount_minor >= limit_minor:
            out.append(fill(texts["limit_spent"], spent=spent.formatted))
        elif target is not None and target > 0 and cost_minor(target, price) > limit_minor:
            out.append(fill(texts["limit_small"], cost=format_money(
                cost_minor(target, price), price.currency, normalize_locale(locale))))
    return out


def server_errors(problem: Mapping[str, object]) -> tuple[dict[str, str], str]:
    """A 422 problem's `errors[{field, message}]` as messages per form field, and whatever
    names no form field as one general message."""
    fields = dict.fromkeys(FIELDS, "")
    general = []
    for error in problem.get("errors") or []:  # type: ignore[union-attr]
        if not isinstance(error, Mapping):
            continue
        message = str(error.get("message") or "").removeprefix("Value error, ").strip()
        message = message[:1].upper() + message[1:]
        name = _SERVER_FIELDS.get(str(error.get("field") or "").split(".")[-1])
        if name and message and not fields[name]:
            fields[name] = message if message.endswith(".") else message + "."
        elif message:
            general.append(message)
    if not any(fields.values()) and not general:
        general.append(str(problem.get("detail") or problem.get("title") or ""))
    return fields, " ".join(m for m in general if m)
