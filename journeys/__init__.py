"""Sanad used as people use it: each journey in a real browser, in Arabic on a phone and
in English on a desktop (browser.py says how)."""

import pytest

# The helpers assert as tests do; pytest explains their failures too.
pytest.register_assert_rewrite("journeys.browser")
