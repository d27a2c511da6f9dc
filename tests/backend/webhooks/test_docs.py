"""docs/webhooks.md documents every event type of the catalog with an example payload."""

import json
import re
from pathlib import Path

from backend.events.catalog import EVENT_TYPES

DOC = Path(__file__).resolve().parents[3] / "docs" / "webhooks.md"


def test_every_event_type_has_a_valid_example():
    text = DOC.read_text()
    sections = dict(re.findall(r"### `([a-z_.]+)`\n.*?```json\n(.*?)\n```", text, re.S))
    assert set(sections) == set(EVENT_TYPES)
    for event_type, example in sections.items():
        body = json.loads(example)
        assert body["type"] == event_type and set(body) == {"type", "timestamp", "data"}
        assert "customer_id" in body["data"]
