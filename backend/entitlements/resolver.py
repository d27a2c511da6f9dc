"""Pure entitlement combination rules (no I/O).

For one feature the most generous source wins: unlimited beats any limit, a higher limit beats a
lower one, enum values are united, a soft limit beats a hard one at the same limit.
"""

from dataclasses import dataclass

from backend.catalog.schemas import EntitlementPublic


def _rank(e: EntitlementPublic) -> tuple[int, int, int]:
    limit = e.limit if e.limit is not None else 0
    return (1 if e.unlimited else 0, limit, 1 if e.soft_limit else 0)


def more_generous(a: EntitlementPublic, b: EntitlementPublic) -> EntitlementPublic:
    """The more generous of two entitlements to the same feature (`a` on ties)."""
    if a.enum_values is not None or b.enum_values is not None:
        values = list(dict.fromkeys((a.enum_values or []) + (b.enum_values or [])))
        return a.model_copy(update={"enum_values": values})
    return b if _rank(b) > _rank(a) else a


@dataclass(frozen=True)
class Resolved:
    entitlement: EntitlementPublic
    inherited: bool


def inherit(base: list[Resolved], own: list[EntitlementPublic]) -> list[Resolved]:
    """A plan's entitlements on top of its base plan's: base order first, then new features.

    A line is `inherited` when the base plan already grants at least as much. An enum value set
    the plan names itself replaces the base plan's (a higher tier picks its own options).
    """
    own_by_feature = {e.feature_id: e for e in own}
    result: list[Resolved] = []
    for item in base:
        mine = own_by_feature.pop(item.entitlement.feature_id, None)
        if mine is None:
            result.append(Resolved(item.entitlement, inherited=True))
            continue
        if mine.enum_values is not None:
            result.append(Resolved(mine, inherited=mine.enum_values == item.entitlement.enum_values))
            continue
        best = more_generous(item.entitlement, mine)
        result.append(Resolved(best, inherited=best == item.entitlement))
    result.extend(Resolved(e, inherited=False) for e in own if e.feature_id in own_by_feature)
    return result
