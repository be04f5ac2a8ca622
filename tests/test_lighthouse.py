"""Lighthouse, with its mobile settings, over four pages of the site built as it is published and
served by nginx with the block the site ships: what does not depend on the machine's speed must
be perfect. Performance does depend on it (this machine is shared), so it is printed, not asserted."""

from __future__ import annotations

import pytest

import lighthouse
from conftest import CONTENT
from forvictims.publish import build

pytestmark = pytest.mark.browser

# Audits that fail whenever the host sends text uncompressed, lets browsers keep fingerprinted
# files only briefly, or the stylesheet carries much that pages do not use.
HOSTING_AUDITS = ("uses-text-compression", "uses-long-cache-ttl", "unused-css-rules")


@pytest.fixture(scope="module")
def audited(request, tmp_path_factory):
    """(origin, page name → Lighthouse's report) for the pages tests/lighthouse.py audits."""
    root = tmp_path_factory.mktemp("lighthouse")
    site = build(CONTENT, root / "build", base_url=lighthouse.PUBLISHED).destination
    try:
        origin, reports = lighthouse.run(site, root / "reports")
    except lighthouse.LighthouseError as error:
        pytest.fail(str(error))
    # Past pytest's capture, so that every run shows the scores, performance included.
    with request.config.pluginmanager.getplugin("capturemanager").global_and_fixture_disabled():
        print("\n" + lighthouse.table(reports, origin))
    return origin, reports


@pytest.mark.parametrize("page", lighthouse.PAGES)
def test_accessibility_best_practices_and_seo_score_100(audited, page):
    report = audited[1][page]
    scores = lighthouse.scores(report)
    assert [scores[name] for name in ("accessibility", "best-practices", "seo")] == [100, 100, 100], \
        lighthouse.failing(report)


@pytest.mark.parametrize("page", lighthouse.PAGES)
def test_text_is_compressed_assets_are_cached_and_the_css_is_used(audited, page):
    audits = audited[1][page]["audits"]
    failed = {name: audits[name].get("displayValue") for name in HOSTING_AUDITS
              if audits[name]["score"] != 1 and audits[name]["scoreDisplayMode"] != "notApplicable"}
    assert failed == {}


def test_no_request_leaves_the_machine(audited):
    origin, reports = audited
    assert {page: lighthouse.elsewhere(report, origin) for page, report in reports.items()} \
        == {page: [] for page in reports}
