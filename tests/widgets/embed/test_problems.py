"""The backend's refusals of a frame, as what the frame says."""

from widgets.embed.problems import from_refusal, problem


def test_refusal_reasons_become_clear_problems():
    expired = from_refusal(401, {"reason": "expired", "detail": "The customer token has expired"})
    assert (expired.code, expired.title, expired.body) == (
        "token_expired", "Your session has expired", "Reload the page to continue.")
    assert from_refusal(403, {"reason": "secret_key"}).title == \
        "This widget was given a secret key"
    assert from_refusal(401, {"reason": "token_missing"}).title == \
        "This widget needs a signed-in customer"
    assert from_refusal(403, {"reason": "origin_not_allowed"}).code == "origin_not_allowed"
    for reason in ("malformed", "invalid_signature", "environment_mismatch",
                   "customer_inactive"):
        assert from_refusal(401, {"reason": reason}).code == "token_invalid"
    assert from_refusal(401, {}).code == "key_invalid"
    assert from_refusal(422, {"detail": "bad"}).code == "bad_params"
    assert from_refusal(503, {}).code == "unavailable"


def test_only_unavailability_is_retryable_and_messages_carry_the_detail():
    assert problem("unavailable").retryable and not problem("token_expired").retryable
    assert problem("key_invalid", "Unknown key").message() == {
        "code": "key_invalid", "title": "This widget isn't set up correctly",
        "message": "Unknown key"}
    assert problem("token_missing").message()["message"] == "Sign in to see your account here."
