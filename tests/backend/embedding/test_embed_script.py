"""`GET /embed.js`: the loader, as JavaScript with caching headers."""

from backend.embedding.script import SCRIPT


def test_the_loader_is_served_as_cacheable_javascript(tenant):
    browser = tenant.client(None)
    response = browser.get("/embed.js")
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/javascript; charset=utf-8"
    assert response.headers["cache-control"] == "public, max-age=300"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.content == SCRIPT.read_bytes()
    assert "window.Tollgate" in response.text and "data-tollgate-widget" in response.text
    again = browser.get("/embed.js", headers={"If-None-Match": response.headers["etag"]})
    assert again.status_code == 304 and again.content == b""
    assert browser.get("/embed.js", headers={"If-None-Match": '"old"'}).status_code == 200


def test_the_loader_checks_the_origin_and_source_of_every_message():
    text = SCRIPT.read_text()
    assert "event.source !== iframe.contentWindow || event.origin !== ORIGIN" in text
    assert "postMessage(message, ORIGIN)" in text
