"""Tollgate's embeddable Reflex widgets.

Embed in a Reflex app::

    import widgets
    app = rx.App(head_components=[widgets.stylesheet()])
    widgets.configure(app=backend_app)   # or set TOLLGATE_API_URL and TOLLGATE_API_KEY
    ... widgets.paywall("workspace", customer_id=MyState.customer_id,
                        on_plan_selected=MyState.choose_plan)

A theme passed in code, `widgets.stylesheet(tokens.build(document))`, styles the widgets and
gives them its texts (over the published theme's; `text_overrides=` props win over both).
"""

from widgets._client import configure
from widgets._ui.styles import stylesheet
from widgets._ui.themed import preview_texts
from widgets.checkout import checkout
from widgets.credits import auto_recharge, credit_balance, credit_grants, credit_usage
from widgets.feature_gate import feature_gate
from widgets.paywall import paywall
from widgets.portal import customer_portal
from widgets.usage import usage_bars

__all__ = ["auto_recharge", "checkout", "configure", "credit_balance", "credit_grants",
           "credit_usage", "customer_portal", "feature_gate", "paywall", "preview_texts",
           "stylesheet", "usage_bars"]
