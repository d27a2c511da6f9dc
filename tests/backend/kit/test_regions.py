"""Countries, locales and the currencies a country uses."""

import pytest

from backend.kit.regions import currencies_of, is_country, is_locale


@pytest.mark.parametrize("code", ["DE", "US", "GB", "JP", "XK"])
def test_countries(code):
    assert is_country(code)


@pytest.mark.parametrize("code", ["de", "ZZ", "EU", "UN", "QO", "XX", "DEU", ""])
def test_not_countries(code):
    assert not is_country(code)


def test_locales_and_currencies():
    assert is_locale("de-DE") and is_locale("en") and is_locale("pt_BR")
    assert not is_locale("xx-YY") and not is_locale("")
    assert currencies_of("DE") == ["EUR"] and currencies_of("JP") == ["JPY"]
    assert currencies_of("US")[0] == "USD"
    assert currencies_of("??") == []
