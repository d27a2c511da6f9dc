"""The page stylesheet (`GET /api/v1/themes/published.css`) against a bare endpoint on the same
server: with the default theme only, then with a published theme assigned to each of three
widget kinds (each scoped to that kind's roots), on SQLite and PostgreSQL.

Requests carry no `If-None-Match`, so every one builds the CSS (browsers revalidate with the
ETag and mostly get a 304, which costs less).
"""

import httpx

from bench.harness import Server, on_each_database, print_table, seeded_server, wrk

ASSIGNED = ("paywall", "checkout", "credit_usage")


def _assign_three_themes(s: Server) -> None:
    headers = {"Authorization": f"Bearer {s.key}"}
    with httpx.Client(base_url=s.base, headers=headers) as client:
        for i, widget in enumerate(ASSIGNED):
            ref = f"bench-{widget.replace('_', '-')}"
            document = {"tokens": {"semantic": {"light": {"primary": f"#0f{i}66e"}}},
                        "custom_css": ".tg-root .tg-plan-card { border-width: 2px; }"}
            client.post("/api/v1/themes", json={"id": ref, "name": ref, "document": document}
                        ).raise_for_status()
            client.post(f"/api/v1/themes/{ref}/publish").raise_for_status()
            client.put(f"/api/v1/themes/assignments/{widget}", json={"theme_id": ref}
                       ).raise_for_status()


def run_for(label: str, database_url: str | None) -> None:
    with seeded_server(database_url) as s:
        css = f"{s.base}/api/v1/themes/published.css"
        results = {"bare /api/health": wrk(f"{s.base}/api/health", s.key),
                   "published.css (default only)": wrk(css, s.key)}
        _assign_three_themes(s)
        results[f"published.css (+{len(ASSIGNED)} widget themes)"] = wrk(css, s.key)
        print_table(label, results, "bare /api/health")


if __name__ == "__main__":
    on_each_database(run_for)
