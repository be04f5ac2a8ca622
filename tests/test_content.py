"""Content loading and validation: what an editor reads when a file is wrong."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import pytest

from content_tree import AREA, CHECKED, CRIME, SERVICE, SITE, SITE_WITH_POLISH, crime_with, write_tree
from forvictims.cli import main
from forvictims.publish import build
from forvictims.editors import load_library
from forvictims.content.problems import ContentError

SERVICE_FILE = "services/test-helpline.md"
AREA_FILE = "areas/sandwell.md"
CRIME_FILE = "crime-types/domestic-abuse.md"


def service(old: str, new: str) -> dict[str, str]:
    assert old in SERVICE
    return {SERVICE_FILE: SERVICE.replace(old, new)}


def area(old: str, new: str) -> dict[str, str]:
    assert old in AREA
    return {AREA_FILE: AREA.replace(old, new)}


def crime_body(extra: str) -> dict[str, str]:
    return {CRIME_FILE: crime_with(extra)}


def polish(name: str, text: str) -> dict[str, str]:
    """A Polish translation called `name`, on a site that has Polish."""
    return {"site.yaml": SITE_WITH_POLISH, name: text}


POLISH_CRIME = """\
---
translated_from: "0000abcd"
title: Przemoc domowa
summary: Gdy partner lub ktoś z rodziny cię krzywdzi.
---
## Co to jest

Ktoś bliski cię krzywdzi.
"""


BAD_INPUTS = [
    pytest.param(
        service("hours: 24/7", "hours: 24/7\nopening: always"),
        "content/services/test-helpline.md:11: opening: is not a field we know: check the spelling "
        "(the fields are: draft, name, organisation, summary, crime_types, areas, phones, hours, web, chat, "
        "email, eligibility, only_for, first_contact, minimum_age, maximum_age, languages, interpreters, "
        "attending, access, source, last_checked, verify, verify_reason, reporting)",
        id="unknown-field",
    ),
    pytest.param(
        service("[domestic-abuse]", "[domestic-abuse, domestic-abus]"),
        'content/services/test-helpline.md:5: crime_types: there is no crime type called '
        '"domestic-abus": did you mean "domestic-abuse"?',
        id="misspelt-crime-type",
    ),
    pytest.param(
        service("areas: national", "areas: []"),
        "content/services/test-helpline.md:6: areas: is empty: list at least one",
        id="empty-list-of-areas",
    ),
    pytest.param(
        service("areas: national", "areas: [all]"),
        "content/services/test-helpline.md:6: areas: write `areas: all` on its own, without the "
        "[ ]: a list is for naming areas, like [sandwell]",
        id="all-areas-written-as-a-list",
    ),
    pytest.param(
        service("areas: national", "areas: Sandwell"),
        "content/services/test-helpline.md:6: areas: must be national, all, or a list of areas by "
        "file name, like [sandwell, dudley]",
        id="one-area-not-in-a-list",
    ),
    pytest.param(
        service(f"last_checked: {CHECKED}", f"last_cheked: {CHECKED}"),
        "content/services/test-helpline.md:14: last_cheked: is not a field we know: did you mean "
        "last_checked?",
        id="misspelt-field-name",
    ),
    pytest.param(
        service("    free: true", "    fre: true"),
        "content/services/test-helpline.md:9: phones[0].fre: is not a field we know: did you mean free?",
        id="misspelt-field-name-in-a-phone",
    ),
    pytest.param(
        crime_body("Call us:\n\n    0808 2000 247"),
        "content/crime-types/domestic-abuse.md:13: this text starts with 4 spaces, a tab or ```, so "
        "it would show in a grey box: remove them from the start of the line (lists start with "
        "- and no spaces)",
        id="indented-text-becomes-a-grey-box",
    ),
    pytest.param(
        crime_body("Read about [your rights](/en/your-rights/)."),
        'content/crime-types/domestic-abuse.md:11: the link "/en/your-rights/" names a language: '
        "write /your-rights/, and each language links to its own version of the page",
        id="link-that-names-a-language",
    ),
    pytest.param(
        service("areas: national", "areas: [dudley]"),
        'content/services/test-helpline.md:6: areas: there is no area called "dudley": '
        "the areas are: sandwell",
        id="unknown-area",
    ),
    pytest.param(
        service("0808 2000 247", "0121 49"),
        'content/services/test-helpline.md:8: phones[0].number: "0121 49" is not a valid UK phone '
        "number: write it like 0121 496 0000, or a short number like 116 123",
        id="invalid-phone-number",
    ),
    pytest.param(
        service("    free: true", "    type: mobile"),
        "content/services/test-helpline.md:9: phones[0].type: must be one of: voice, text, textphone or video",
        id="unknown-phone-type",
    ),
    pytest.param(
        service("    free: true", "    free: maybe"),
        "content/services/test-helpline.md:9: phones[0].free: must be true or false",
        id="free-not-true-or-false",
    ),
    pytest.param(
        service("hours: 24/7", "hours: 24 hours"),
        'content/services/test-helpline.md:10: hours: "24 hours" is not opening hours we can read: '
        "write 24/7, or a list of days with opens and closes times",
        id="unreadable-hours",
    ),
    pytest.param(
        # Unquoted 17:00 is the number 1020 in plain YAML; here it stays a time.
        service("hours: 24/7", "hours:\n  - days: MO-FR\n    opens: 17:00\n    closes: 09:00"),
        "content/services/test-helpline.md:11: hours[0]: closes at 09:00, which is not after it "
        "opens at 17:00: check the times (use 24:00 for midnight)",
        id="closes-before-it-opens",
    ),
    pytest.param(
        service("hours: 24/7", "hours:\n  - days: MO-FR\n    opens: 25:00\n    closes: 9am"),
        'content/services/test-helpline.md:12: hours[0].opens: "25:00" is not a time of day: '
        'write it like "09:00" or "17:30"\n'
        'content/services/test-helpline.md:13: hours[0].closes: "9am" is not a time of day: '
        'write it like "09:00" or "17:30"',
        id="impossible-times",
    ),
    pytest.param(
        service("hours: 24/7", "hours:\n  - days: Monday\n    opens: '09:00'\n    closes: '17:00'"),
        'content/services/test-helpline.md:11: hours[0].days: "Monday" is not a set of days: '
        "write them like MO-FR, SA, or MO,WE,FR (MO TU WE TH FR SA SU)",
        id="days-in-words",
    ),
    pytest.param(
        service("eligibility: Anyone.\n", ""),
        "content/services/test-helpline.md:2: eligibility: is missing: add a line like `eligibility: …`",
        id="missing-field",
    ),
    pytest.param(
        service(f"last_checked: {CHECKED}", "last_checked: 2099-01-01"),
        "content/services/test-helpline.md:14: last_checked: 2099-01-01 is in the future: "
        "write the date the facts were checked",
        id="date-in-future",
    ),
    pytest.param(
        service(f"last_checked: {CHECKED}", "last_checked: last week"),
        "content/services/test-helpline.md:14: last_checked: must be a date written like 2026-11-20",
        id="not-a-date",
    ),
    pytest.param(
        {SERVICE_FILE: SERVICE.replace("phones:\n  - number: 0808 2000 247\n    free: true\n", "")
         .replace("web: https://www.example.org.uk\n", "")},
        "content/services/test-helpline.md:2: has no way to get in touch: add phones, web, chat or email",
        id="no-way-to-get-in-touch",
    ),
    pytest.param(
        service("web: https://www.example.org.uk", "email: help-at-example"),
        'content/services/test-helpline.md:11: email: "help-at-example" is not an email address: '
        "write it like help@example.org.uk",
        id="invalid-email",
    ),
    pytest.param(
        service("web: https://www.example.org.uk", "email: help@example.org"),
        "content/services/test-helpline.md:11: email: help@example.org is the example address from "
        "forvictims new: write the real one",
        id="example-email-address",
    ),
    pytest.param(
        {"pages/about.md": "---\ndraft: \"true\"\ntitle: About\nsummary: Us.\n---\nText.\n"},
        "content/pages/about.md:2: draft: must be true or false",
        id="draft-written-as-text",
    ),
    pytest.param(
        service("web: https://www.example.org.uk", "web: www.example.org.uk"),
        'content/services/test-helpline.md:11: web: "www.example.org.uk" is not a web address: '
        "write it in full, like https://www.example.org.uk",
        id="web-address-without-https",
    ),
    pytest.param(
        service("eligibility: Anyone.", "eligibility: Anyone.\nlanguages: [english]"),
        'content/services/test-helpline.md:13: languages[0]: "english" is not a language code: '
        "use the two-letter code, like en, pl, ur or pa",
        id="language-in-words",
    ),
    pytest.param(
        service("eligibility: Anyone.", "eligibility: Anyone.\nminimum_age: sixteen"),
        "content/services/test-helpline.md:13: minimum_age: must be a whole number, like 16",
        id="age-in-words",
    ),
    pytest.param(
        service("name: Test Helpline", "name: 123"),
        'content/services/test-helpline.md:2: name: must be text (put it in "quotes" if it looks '
        "like a number or a date)",
        id="number-where-text-goes",
    ),
    pytest.param(
        area("title: Sandwell", "title:"),
        "content/areas/sandwell.md:2: title: is empty: write something after the colon, or remove the line",
        id="empty-value",
    ),
    pytest.param(
        area("E08000028", "E080"),
        "content/areas/sandwell.md:3: ons_code: must be an ONS code like E08000028",
        id="bad-ons-code",
    ),
    pytest.param(
        {AREA_FILE: "---\ntitle: Sandwell\n"},
        "content/areas/sandwell.md:1: the details at the top start with --- but never end: "
        "add a line with only --- after them",
        id="unterminated-front-matter",
    ),
    pytest.param(
        {AREA_FILE: "Sandwell is in the Black Country.\n"},
        "content/areas/sandwell.md:1: the file must start with a line of three dashes (---), then "
        "the details (like `title:`), then another line of three dashes",
        id="no-front-matter",
    ),
    pytest.param(
        {AREA_FILE: ""},
        "content/areas/sandwell.md:1: the file must start with a line of three dashes (---), then "
        "the details (like `title:`), then another line of three dashes",
        id="empty-file",
    ),
    pytest.param(
        {AREA_FILE: "---\n- title\n- summary\n---\n"},
        "content/areas/sandwell.md:2: the details at the top must be lines of `name: value`, "
        "not a list or plain text",
        id="front-matter-is-a-list",
    ),
    pytest.param(
        area("ons_code", "\tons_code"),
        "content/areas/sandwell.md:3: there is a tab character here: use spaces to indent, never tabs",
        id="tab-in-yaml",
    ),
    pytest.param(
        area("title: Sandwell", "title: Sandwell: the borough"),
        "content/areas/sandwell.md:2: this line, or a line above it, cannot be read: check for a "
        "missing `:` after a name, a stray quote, or text that needs \"quotes\" because it "
        "contains a colon",
        id="malformed-yaml",
    ),
    pytest.param(
        area("title: Sandwell", "title: Sandwell\ntitle: Oldbury"),
        "content/areas/sandwell.md:3: `title` is written twice: keep only one",
        id="field-written-twice",
    ),
    pytest.param(
        {AREA_FILE: b"\x00\x01\x02PNG"},
        "content/areas/sandwell.md:1: this is not a text file: content files must be plain text (Markdown)",
        id="binary-file",
    ),
    pytest.param(
        {AREA_FILE: AREA.replace("Oldbury", "Caf\u00e9").encode("latin-1")},
        "content/areas/sandwell.md:4: this line has characters that are not UTF-8 text: save the "
        "file again as UTF-8 (in most editors: Save As, then choose UTF-8)",
        id="not-utf-8",
    ),
    pytest.param(
        {"areas/West Bromwich.md": AREA},
        "content/areas/West Bromwich.md:1: the file name becomes the web address, so it must be "
        "lower-case words joined by - with no spaces or capitals: rename it west-bromwich.md",
        id="file-name-with-spaces",
    ),
    pytest.param(
        {"pages/helplines.md": "---\ntitle: Helplines\nsummary: All of them.\n---\nText.\n"},
        "content/pages/helplines.md:1: /helplines/ is already the address of one of the site's own "
        "pages, so this page could never be seen: rename the file, like helplines-help.md",
        id="page-name-the-site-uses",
    ),
    pytest.param(
        {"pages/about.md": "---\ntitle: About\nsummary: REPLACE THIS with one sentence.\n---\nText.\n"},
        "content/pages/about.md:3: summary: REPLACE THIS marks words from forvictims new that still "
        "need writing: write the real details here (or put back the line draft: true until they are "
        "ready)",
        id="words-still-to-write-outside-a-draft",
    ),
    pytest.param(
        {"pages/about.md": "---\ndraft: true\ntitle: About\nsummary: Us.\n---\nText.\n"},
        "content/pages/about.md:1: is a draft, but every page of the site links to it: delete the "
        "line draft: true",
        id="required-page-still-a-draft",
    ),
    pytest.param(
        {"crime-types/stalking.md": CRIME.replace("---\ntitle", "---\ndraft: true\ntitle"),
         **service("[domestic-abuse]", "[domestic-abuse, stalking]")},
        'content/services/test-helpline.md:5: crime_types: the crime type "stalking" is still a '
        "draft, so it is not on the site: publish it first (delete draft: true in its file), or "
        "remove it here",
        id="published-service-for-a-draft-crime-type",
    ),
    pytest.param(
        polish("crime-types/domestic-abuse.pl.md", POLISH_CRIME.split("## Co")[0] + CRIME.split("---\n")[2]),
        "content/crime-types/domestic-abuse.pl.md:8: 3 of the 3 sentences are as they are in "
        "content/crime-types/domestic-abuse.md: translate them (or put back the line draft: true "
        "until the translation is done)",
        id="translation-still-in-english",
    ),
    pytest.param(
        polish("crime-types/domestic-abuse.pl.md",
               POLISH_CRIME.replace("title: Przemoc domowa", "title: Domestic abuse")),
        "content/crime-types/domestic-abuse.pl.md:3: title: is the same as in "
        "content/crime-types/domestic-abuse.md: translate it (or put back the line draft: true "
        "until the translation is done)",
        id="translation-title-still-in-english",
    ),
    pytest.param(
        polish("services/test-helpline.pl.md",
               '---\ntranslated_from: "0000abcd"\nsummary: Zadzwoń pod 116 321.\neligibility: Każdy.\n'
               "---\nCo się dzieje, gdy dzwonisz.\n"),
        "content/services/test-helpline.pl.md:3: the number 116 321 is not in "
        "content/services/test-helpline.md: copy numbers exactly from the English, so nobody is "
        "sent to a wrong number",
        id="translation-with-a-wrong-number-in-its-summary",
    ),
    pytest.param(
        {"pages/about.md": "---\ntitle: About\nsummary: Us.\n---\n## REPLACE THIS with a heading\n\nText.\n"},
        "content/pages/about.md:5: REPLACE THIS marks words from forvictims new that still need "
        "writing: write the real details here (or put back the line draft: true until they are ready)",
        id="words-still-to-write-in-a-heading",
    ),
    pytest.param(
        {"pages/coping.md": "---\ndraft: true\ntitle: Coping\nsummary: Coping.\n---\nText.\n",
         **crime_body("Read [coping](/coping/).")},
        'content/crime-types/domestic-abuse.md:11: the link "/coping/" goes to a page that is still '
        "a draft, so it is not on the site: publish that page first (delete draft: true in its "
        "file), or remove the link",
        id="link-to-a-draft",
    ),
    pytest.param(
        {"site.yaml": SITE_WITH_POLISH, AREA_FILE: AREA.replace("E08000028", "E080"),
         "areas/sandwell.pl.md": '---\ntranslated_from: soon\ntitle: Sandwell\n---\nPomoc.\n'},
        "content/areas/sandwell.md:3: ons_code: must be an ONS code like E08000028\n"
        'content/areas/sandwell.pl.md:2: translated_from: "soon" is not a version: copy the 8 '
        'letters and numbers that forvictims report shows for the English file, in quotes, like "3f2a9c1b"',
        id="translation-checked-while-its-english-is-broken",
    ),
    pytest.param(
        {"areas/notes.txt": "Remember to add Tipton."},
        "content/areas/notes.txt:1: is not a Markdown file: content files must end in .md",
        id="not-a-markdown-file",
    ),
    pytest.param(
        {"pages/privacy.md": None},
        "content/pages/privacy.md:1: is missing: every page of the site links to it, so it must exist",
        id="required-page-missing",
    ),
    pytest.param(
        {CRIME_FILE: CRIME.replace("related: []", "related: [stalking]")},
        'content/crime-types/domestic-abuse.md:5: related: there is no crime type called '
        '"stalking": the crime types are: domestic-abuse',
        id="unknown-related-crime-type",
    ),
    pytest.param(
        crime_body("[click here](javascript:alert(1))"),
        'content/crime-types/domestic-abuse.md:11: the link "javascript:alert(1)" cannot be used: '
        "link to a page of this site like /crime/domestic-abuse/, a full web address starting "
        "https://, or mailto: with an email address",
        id="javascript-link",
    ),
    pytest.param(
        crime_body("[click here](data:text/html,hello)"),
        'content/crime-types/domestic-abuse.md:11: the link "data:text/html,hello" cannot be used: '
        "link to a page of this site like /crime/domestic-abuse/, a full web address starting "
        "https://, or mailto: with an email address",
        id="data-link",
    ),
    pytest.param(
        crime_body("Read about [your rights](/your-right/)."),
        'content/crime-types/domestic-abuse.md:11: the link "/your-right/" goes to a page that does '
        "not exist: check the spelling (pages of this site are written like /crime/domestic-abuse/ "
        "or /staying-safe-online/)",
        id="link-to-missing-page",
    ),
    pytest.param(
        crime_body("Read about [your rights](/your-rights)."),
        'content/crime-types/domestic-abuse.md:11: the link "/your-rights" needs a / at the end: '
        "write /your-rights/",
        id="link-without-final-slash",
    ),
    pytest.param(
        crime_body("[Call us](tel:12345)"),
        'content/crime-types/domestic-abuse.md:11: the link "tel:12345" is not a valid UK phone '
        "number: write it like tel:08082000247",
        id="invalid-tel-link",
    ),
    pytest.param(
        crime_body("Press Exit this page.\nThe button clears\nyour history, so nobody will know."),
        'content/crime-types/domestic-abuse.md:12: "The button clears your history, so nobody will know." '
        "says a visit can be hidden, which is not true: Exit this page only opens another website, "
        "and the visit stays in the browser's history. Say instead that people can delete their "
        "history themselves, as the staying safe online page explains",
        id="claims-leaving-erases-history",
    ),
    pytest.param(
        {"pages/about.md": "---\ntitle: About\nsummary: Exit this page clears your history.\n---\nText.\n"},
        'content/pages/about.md:3: summary: "Exit this page clears your history." says a visit can '
        "be hidden, which is not true: Exit this page only opens another website, and the visit "
        "stays in the browser's history. Say instead that people can delete their history "
        "themselves, as the staying safe online page explains",
        id="summary-claims-leaving-erases-history",
    ),
    pytest.param(
        crime_body("# Another main heading"),
        "content/crime-types/domestic-abuse.md:11: use ## for headings: the page title is already "
        "the one main heading (#)",
        id="second-main-heading",
    ),
    pytest.param(
        crime_body("![A photo](https://images.example.com/photo.jpg)"),
        "content/crime-types/domestic-abuse.md:11: pictures cannot be added to pages: describe it "
        "in words instead",
        id="picture-from-another-site",
    ),
    pytest.param(
        crime_body('<script>alert("hi")</script>'),
        'content/crime-types/domestic-abuse.md:11: <script>alert("hi")</script> is HTML, which '
        "pages cannot use (it would show as text): write Markdown instead, like **bold**, "
        "## Heading or [a link](/about/)",
        id="script-in-markdown",
    ),
    pytest.param(
        crime_body('Call <b onclick="steal()">now</b>.'),
        'content/crime-types/domestic-abuse.md:11: <b onclick="steal()"> is HTML, which pages '
        "cannot use (it would show as text): write Markdown instead, like **bold**, ## Heading "
        "or [a link](/about/)",
        id="raw-html-in-markdown",
    ),
    pytest.param(
        crime_body("<!-- check this with the charity -->"),
        "content/crime-types/domestic-abuse.md:11: a comment like <!-- … --> would show on the "
        "page: put notes for editors in the details at the top, on a line starting with #",
        id="html-comment-in-markdown",
    ),
    pytest.param(
        {CRIME_FILE: CRIME.replace("related: []", "related: []\nreview_by: next June")},
        "content/crime-types/domestic-abuse.md:6: review_by: must be a date written like 2026-11-20",
        id="review-date-not-a-date",
    ),
    pytest.param(
        {"pages/about.md": "---\ntitle: About\nsummary: Us.\nlast_checked: 2099-12-31\n---\nText.\n"},
        "content/pages/about.md:4: last_checked: 2099-12-31 is in the future: write the date the "
        "facts were checked",
        id="page-checked-in-future",
    ),
    pytest.param(
        polish("pages/abuot.pl.md", "---\ntranslated_from: \"0000abcd\"\ntitle: O nas\nsummary: My.\n---\nTekst.\n"),
        "content/pages/abuot.pl.md:1: is a translation of content/pages/abuot.md, which does not "
        "exist: did you mean about.pl.md?",
        id="translation-of-missing-page",
    ),
    pytest.param(
        {"crime-types/domestic-abuse.fr.md": POLISH_CRIME},
        'content/crime-types/domestic-abuse.fr.md:1: "fr" is not one of the site\'s languages '
        "(it has only English so far): check the two letters before .md. Adding a language is a "
        "job for the developers",
        id="translation-in-language-site-lacks",
    ),
    pytest.param(
        {"crime-types/domestic-abuse.en.md": CRIME},
        "content/crime-types/domestic-abuse.en.md:1: English is written in "
        "content/crime-types/domestic-abuse.md, not in a .en.md file: move the text there and "
        "delete this file",
        id="english-as-a-translation",
    ),
    pytest.param(
        polish("services/test-helpline.pl.md",
               '---\ntranslated_from: "0000abcd"\nsummary: Pomoc.\neligibility: Każdy.\n'
               "phones:\n  - number: 0808 2000 247\n---\nCo się dzieje.\n"),
        "content/services/test-helpline.pl.md:5: phones: facts like this are kept only in the "
        "English file, content/services/test-helpline.md: remove this line (a translation has "
        "only words to translate)",
        id="translation-with-a-fact",
    ),
    pytest.param(
        polish("crime-types/domestic-abuse.pl.md", POLISH_CRIME.replace('translated_from: "0000abcd"\n', "")),
        'content/crime-types/domestic-abuse.pl.md:2: translated_from: is missing: add the line '
        'translated_from: "a1bf2de9" if this translates content/crime-types/domestic-abuse.md as '
        "it is now",
        id="translation-without-version",
    ),
    pytest.param(
        polish("crime-types/domestic-abuse.pl.md", POLISH_CRIME.replace('"0000abcd"', "last week")),
        'content/crime-types/domestic-abuse.pl.md:2: translated_from: "last week" is not a version: '
        "copy the 8 letters and numbers that forvictims report shows for the English file, in "
        'quotes, like "3f2a9c1b"',
        id="translation-version-not-a-version",
    ),
    pytest.param(
        polish("crime-types/domestic-abuse.pl.md", POLISH_CRIME.split("## Co")[0]),
        "content/crime-types/domestic-abuse.pl.md:6: has no text after the front matter: "
        "translate the text of content/crime-types/domestic-abuse.md too",
        id="translation-without-text",
    ),
    pytest.param(
        polish("crime-types/domestic-abuse.pl.md", POLISH_CRIME + "\nZadzwoń pod 0808 2000 274.\n"),
        "content/crime-types/domestic-abuse.pl.md:10: the number 0808 2000 274 is not in "
        "content/crime-types/domestic-abuse.md: copy numbers exactly from the English, so nobody "
        "is sent to a wrong number",
        id="translation-with-a-mistyped-number",
    ),
    pytest.param(
        polish("crime-types/domestic-abuse.pl.md", POLISH_CRIME + "\n[Więcej](/prawa/)\n"),
        'content/crime-types/domestic-abuse.pl.md:10: the link "/prawa/" goes to a page that does '
        "not exist: check the spelling (pages of this site are written like /crime/domestic-abuse/ "
        "or /staying-safe-online/)",
        id="translation-links-to-missing-page",
    ),
    pytest.param(
        {"site.yaml": SITE.replace("base_url: /", "base_url: www.example.org.uk")},
        'content/site.yaml:5: base_url: "www.example.org.uk" is not an address: write it like '
        "https://www.example.org.uk/ or https://www.example.org.uk/for-victims/, or / until the "
        "address is known",
        id="site-address-without-https",
    ),
    pytest.param(
        {"site.yaml": "name: For Victims\norganisation: OPCC\nlanguages:\n  en: English\n"
                      "exit_url: https://www.bbc.co.uk/weather\nemergency:\n  police: '999'\n"
                      "  silent_solution: '55'\n  textphone: '18000'\n  non_emergency: '10'\n"
                      "open_data_licence:\n  name: Open Government Licence v3.0\n"
                      "  url: https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/\n"},
        'content/site.yaml:10: emergency.non_emergency: "10" is not a valid UK phone number: write '
        "it like 0121 496 0000, or a short number like 116 123",
        id="site-emergency-number",
    ),
    pytest.param(
        {"site.yaml": SITE.replace("url: https://www.nationalarchives.gov.uk/", "url: www.nationalarchives.gov.uk/")},
        'content/site.yaml:9: open_data_licence.url: "www.nationalarchives.gov.uk/doc/open-government-licence/'
        'version/3/" is not a web address: write it in full, like https://www.example.org.uk',
        id="open-data-licence-address-without-https",
    ),
    pytest.param(
        {"site.yaml": re.sub(r"open_data_licence:\n(  .*\n)+", "", SITE)},
        "content/site.yaml:1: open_data_licence: is missing: the list of services is published as open data, "
        "so say which licence people may use it under. Add a line `open_data_licence:` and, under it, each "
        "starting with two spaces, `name: Open Government Licence v3.0` and "
        "`url: https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/`",
        id="open-data-licence-missing",
    ),
]


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under `folder` and a hash of its bytes."""
    return {path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*")) if path.is_file()}


@pytest.fixture(scope="module")
def good_build(tmp_path_factory) -> Path:
    """A build of the small test site, made before anything went wrong."""
    root = tmp_path_factory.mktemp("good")
    destination = root / "build"
    build(write_tree(root), destination)
    return destination


@pytest.mark.parametrize(("changes", "message"), BAD_INPUTS)
def test_bad_content_names_file_line_and_fix(tmp_path, monkeypatch, runner, good_build, changes, message):
    write_tree(tmp_path, changes)
    monkeypatch.chdir(tmp_path)
    shutil.copytree(good_build, "build")
    before = snapshot(Path("build"))

    checked = runner.invoke(main, ["check"])
    built = runner.invoke(main, ["build"])

    for result in (checked, built):
        assert result.exit_code == 1, result.output
        assert isinstance(result.exception, SystemExit)  # a message, not a crash
        assert "Traceback" not in result.output
    errors = [line for line in checked.output.splitlines()
              if line.startswith("content/") and ": warning: " not in line]
    assert "\n".join(errors) == message
    assert message in built.output
    assert snapshot(Path("build")) == before


def test_every_problem_is_reported_in_one_run(tmp_path, monkeypatch):
    write_tree(tmp_path, {
        **service("0808 2000 247", "0121 49"),
        **area("E08000028", "E080"),
        "pages/about.md": None,
    })
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ContentError) as raised:
        load_library("content")
    message = raised.value.format_message()
    assert message.startswith("Found 3 problems in the content. Nothing was built.\n")
    assert [(problem.path, problem.line) for problem in raised.value.problems] == [
        ("content/areas/sandwell.md", 3),
        ("content/pages/about.md", 1),
        ("content/services/test-helpline.md", 8),
    ]


def test_byte_order_mark_and_windows_line_endings_simply_work(tmp_path):
    text = ("\ufeff" + AREA).replace("\n", "\r\n")
    library = load_library(write_tree(tmp_path, {AREA_FILE: text.encode("utf-8")}))
    assert library.areas["sandwell"].meta.places == ["West Bromwich", "Oldbury"]
    assert library.areas["sandwell"].body.strip() == "Help in Sandwell."


@pytest.mark.parametrize("ending", ["\r\n", "\r"], ids=["windows", "old-mac"])
def test_other_line_endings_keep_error_lines_where_the_editor_sees_them(tmp_path, ending):
    broken = {AREA_FILE: ("\ufeff" + AREA.replace("E08000028", "E080")).replace("\n", ending).encode("utf-8"),
              CRIME_FILE: crime_with("Read [more](/nowhere/).").replace("\n", ending).encode("utf-8")}
    with pytest.raises(ContentError) as raised:
        load_library(write_tree(tmp_path, broken))
    assert [(Path(problem.path).name, problem.line) for problem in raised.value.problems] == [
        ("sandwell.md", 3), ("domestic-abuse.md", 11)]


def test_unquoted_opening_times_are_read_as_times(tmp_path):
    hours = "hours:\n  - days: MO-FR\n    opens: 9:00\n    closes: 17:30"
    library = load_library(write_tree(tmp_path, service("hours: 24/7", hours)))
    (line,) = library.services["test-helpline"].meta.hours
    assert (line.opens, line.closes, line.day_ranges()) == ("09:00", "17:30", [(0, 4)])


def test_service_ordering_puts_local_then_west_midlands_then_national(tmp_path):
    regional = SERVICE.replace("name: Test Helpline", "name: A Regional Service").replace(
        "areas: national", "areas: all")
    local = SERVICE.replace("name: Test Helpline", "name: Z Local Service").replace(
        "areas: national", "areas: [sandwell]")
    library = load_library(write_tree(tmp_path, {
        "services/regional.md": regional, "services/local.md": local}))
    support = library.support(crime="domestic-abuse", area="sandwell")
    assert [doc.slug for doc in support] == ["local", "regional", "test-helpline"]


def test_a_translation_may_write_the_english_numbers_its_own_way(tmp_path):
    english = CRIME + "\nCall 0808 2000 247 or 999.\n"
    polish = POLISH_CRIME + "\nZadzwoń: 08082000247 albo [999](tel:999).\n"
    library = load_library(write_tree(tmp_path, {
        "site.yaml": SITE_WITH_POLISH, CRIME_FILE: english, "crime-types/domestic-abuse.pl.md": polish}))
    assert "pl" in library.translations[("crime-types", "domestic-abuse")]


def test_a_translation_may_give_the_services_own_numbers_and_emergency_numbers(tmp_path):
    polish = ('---\ntranslated_from: "0000abcd"\nsummary: Pomoc przez całą dobę.\n'
              "eligibility: Każdy.\n---\nZadzwoń pod 0808 2000 247. W niebezpieczeństwie dzwoń 999.\n")
    library = load_library(write_tree(tmp_path, {
        "site.yaml": SITE_WITH_POLISH, "services/test-helpline.pl.md": polish}))
    assert "pl" in library.translations[("services", "test-helpline")]


def test_a_translation_of_a_file_with_no_text_needs_none(tmp_path):
    english = SERVICE.replace("What happens when you call.\n", "")
    polish = '---\ntranslated_from: "0000abcd"\nsummary: Pomoc.\neligibility: Każdy.\n---\n'
    library = load_library(write_tree(tmp_path, {
        "site.yaml": SITE_WITH_POLISH, SERVICE_FILE: english, "services/test-helpline.pl.md": polish}))
    assert "pl" in library.translations[("services", "test-helpline")]


def test_names_may_stay_as_they_are_in_a_translation(tmp_path):
    library = load_library(write_tree(tmp_path, {
        "site.yaml": SITE_WITH_POLISH,
        "areas/sandwell.pl.md": '---\ntranslated_from: "0000abcd"\ntitle: Sandwell\n---\nPomoc w Sandwell.\n',
        "services/test-helpline.pl.md": ('---\ntranslated_from: "0000abcd"\nname: Test Helpline\n'
                                         "summary: Pomoc.\neligibility: Każdy.\n---\nCo się dzieje.\n"),
    }))
    assert set(library.translations) == {("areas", "sandwell"), ("services", "test-helpline")}


@pytest.mark.parametrize("written", [
    "0808\n2000 247",  # wrapped where the translation's line ends
    "0808\u00a02000\u00a0247",  # with the non-breaking spaces Polish typing puts in
    "0808-2000-247",
])
def test_a_number_copied_from_the_english_may_be_spaced_any_way(tmp_path, written):
    english = CRIME + "\nCall 0808 2000 247 or write to 1,000 places.\n"
    polish = POLISH_CRIME + f"\nZadzwoń pod {written} albo napisz do 1 000 miejsc.\n"
    library = load_library(write_tree(tmp_path, {
        "site.yaml": SITE_WITH_POLISH, CRIME_FILE: english, "crime-types/domestic-abuse.pl.md": polish}))
    assert "pl" in library.translations[("crime-types", "domestic-abuse")]


def test_a_changed_two_digit_number_in_a_translation_is_an_error(tmp_path, monkeypatch):
    english = CRIME + "\nOn a mobile, call 999 and press 55.\n"
    polish = POLISH_CRIME + "\nZ komórki zadzwoń pod 999 i naciśnij 56.\n"
    write_tree(tmp_path, {"site.yaml": SITE_WITH_POLISH, CRIME_FILE: english,
                          "crime-types/domestic-abuse.pl.md": polish})
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ContentError) as raised:
        load_library("content")
    assert [str(problem) for problem in raised.value.problems] == [
        "content/crime-types/domestic-abuse.pl.md:10: the number 56 is not in "
        "content/crime-types/domestic-abuse.md: copy numbers exactly from the English, so nobody "
        "is sent to a wrong number"]


def test_a_translation_of_a_draft_may_link_to_other_drafts(tmp_path):
    draft_page = "---\ndraft: true\ntitle: Coping\nsummary: Coping.\n---\nRead [more](/more/).\n"
    changes = {
        "site.yaml": SITE_WITH_POLISH,
        "pages/coping.md": draft_page,
        "pages/more.md": "---\ndraft: true\ntitle: More\nsummary: More.\n---\nText.\n",
        "pages/coping.pl.md": ('---\ntranslated_from: "0000abcd"\ntitle: Radzenie sobie\n'
                               "summary: Jak sobie radzić.\n---\nPrzeczytaj [więcej](/more/).\n"),
    }
    library = load_library(write_tree(tmp_path, changes), drafts=True)
    assert ("pages", "coping") in library.translations
