"""The built book's search page, as a reader uses it (headless Chromium).

For physics words the chapter pages rank above the API reference (whose module
and function names contain the same words), and every result's snippet is
prose: no raw TeX, no file names or button labels, no runs of blank space.
"""

import re

import pytest

pytestmark = pytest.mark.browser

JUNK = re.compile(r"\\[A-Za-z]+|\\[()\[\]]|\$|\.(md|ipynb|pdf|png)\b|_images|\s{3,}")


def _results(browser, server, query):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.goto(f"{server}/search.html?q={query}", wait_until="load")
        # Sphinx appends one result every 5 ms and says "Search finished" after
        # the last; only then is the list complete (under load the snippets
        # of the first results can all be in before the API results are listed)
        page.wait_for_function("""() => (document.querySelector('#search-results .search-summary')
            || {}).textContent?.startsWith('Search finished')""", timeout=30000)
        # snippets are filled in page by page as the search fetches them
        page.wait_for_function("""() => {
            const items = [...document.querySelectorAll('#search-results li')];
            return items.length && items.every(li => li.querySelector('p.context')
                || li.querySelector('a').getAttribute('href').includes('api.html#'));
        }""", timeout=30000)
        return page.evaluate("""() => [...document.querySelectorAll('#search-results li')]
            .map(li => [li.querySelector('a').getAttribute('href'),
                        (li.querySelector('p.context') || {}).textContent || ''])""")
    finally:
        context.close()


@pytest.mark.parametrize("query", ["Auger", "biexciton"])
def test_chapters_rank_above_the_api_and_snippets_are_clean(browser, server, query):
    results = _results(browser, server, query)
    kinds = ["api" if "appendix/api.html" in href else
             "chapter" if re.match(r"chapters/0\d-", href) else
             "glossary" if "glossary.html#term-" in href else "other" for href, _ in results]
    assert "chapter" in kinds and "api" in kinds, kinds
    assert kinds[0] in ("chapter", "glossary"), results[0]
    assert max(i for i, k in enumerate(kinds) if k == "chapter") < kinds.index("api"), \
        [href for href, _ in results]
    for href, snippet in results:
        if "api.html#" in href:
            continue
        assert snippet.strip(), f"{href}: no snippet"
        assert query.lower() in snippet.lower(), f"{href}: {snippet!r}"
        junk = JUNK.findall(snippet)
        assert not junk, f"{href}: {junk} in {snippet!r}"
