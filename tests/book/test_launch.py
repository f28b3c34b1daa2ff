"""The launch buttons of the built pages: Binder and the course JupyterHub (nbgitpuller).

The links are read from the built HTML and taken apart; every part must come
from the one place it is set (``_config.yml``: ``repository``, ``launch_buttons``)
and open the page's own source file.
"""

import re
from html import unescape
from urllib.parse import parse_qs, urlparse

import pytest
import yaml
from helpers import ROOT, chapter_pages, is_notebook

pytestmark = pytest.mark.book
CONFIG = yaml.safe_load((ROOT / "_config.yml").read_text())
NOTEBOOK_PAGES = [p for p in chapter_pages() if is_notebook(p)]
LINK = re.compile(r'<a href="([^"]+)"[^>]*title="Launch on ([^"]+)"')


def _links(built_book, page):
    html = (built_book / page.relative_to(ROOT).with_suffix(".html")).read_text()
    return {name: unescape(url) for url, name in LINK.findall(html)}


@pytest.mark.parametrize("page", NOTEBOOK_PAGES, ids=lambda p: p.stem)
def test_jupyterhub_link_pulls_the_repository_and_opens_the_page(built_book, page):
    links = _links(built_book, page)
    assert {"Binder", "JupyterHub"} <= set(links), links
    hub = urlparse(links["JupyterHub"])
    configured = urlparse(CONFIG["launch_buttons"]["jupyterhub_url"])
    assert (hub.scheme, hub.netloc) == (configured.scheme, configured.netloc)
    assert hub.path == configured.path.rstrip("/") + "/hub/user-redirect/git-pull"
    query = {k: v[0] for k, v in parse_qs(hub.query, strict_parsing=True).items()}
    assert query["repo"] == CONFIG["repository"]["url"]
    assert query["branch"] == CONFIG["repository"]["branch"]
    # nbgitpuller clones into a folder named after the repository; JupyterLab opens the page
    folder = CONFIG["repository"]["url"].rstrip("/").rsplit("/", 1)[1]
    interface = {"jupyterlab": "lab/tree", "classic": "tree"}[
        CONFIG["launch_buttons"]["notebook_interface"]]
    prefix = f"{interface}/{folder}/"
    assert query["urlpath"].startswith(prefix), query["urlpath"]
    source = ROOT / query["urlpath"][len(prefix):]
    assert source == page, f"the hub link opens {source}, not the page {page}"


@pytest.mark.parametrize("page", NOTEBOOK_PAGES[:3], ids=lambda p: p.stem)
def test_binder_link_still_opens_the_page(built_book, page):
    binder = urlparse(_links(built_book, page)["Binder"])
    assert f"{binder.scheme}://{binder.netloc}" == CONFIG["launch_buttons"]["binderhub_url"]
    owner_repo = urlparse(CONFIG["repository"]["url"]).path.strip("/")
    assert binder.path == f"/v2/gh/{owner_repo}/{CONFIG['repository']['branch']}"
    urlpath = parse_qs(binder.query)["urlpath"][0]
    assert ROOT / urlpath.split("/", 2)[2] == page
