"""A page's first load in a fresh Chromium profile: its requests, and their bytes on the wire by type."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


@dataclass
class PageLoad:
    """One page's first load in a fresh browser profile."""

    page: str
    requests: int
    third_party: int
    requests_by_type: dict[str, int] = field(default_factory=dict)
    gzip_bytes_by_type: dict[str, int] = field(default_factory=dict)
    identity_bytes_by_type: dict[str, int] = field(default_factory=dict)

    @property
    def gzip_bytes(self) -> int:
        return sum(self.gzip_bytes_by_type.values())

    @property
    def identity_bytes(self) -> int:
        return sum(self.identity_bytes_by_type.values())


def first_load(browser, url: str) -> list[tuple[str, str, int]]:
    """(resource type, URL, bytes on the wire: headers + encoded body) of every request; a failed
    one (as any to a third party here) counts 0, a worker's script its size in resource timing."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request))
    page.goto(url, wait_until="networkidle")
    loads = []
    for request in (r for r in requests if not r.url.startswith("data:")):
        sizes = request.sizes() if request.failure is None else {}
        body = sizes.get("responseBodySize", 0)
        if sizes and not body:
            timing = "url => performance.getEntriesByName(url).map(e => [e.encodedBodySize])[0]"   # [size], once known
            body = page.wait_for_function(timing, arg=request.url, timeout=10_000).json_value()[0]
        loads.append((request.resource_type, request.url, sizes.get("responseHeadersSize", 0) + max(body, 0)))
    context.close()
    return loads


def page_load(browser, path: str, gzip_url: str, identity_url: str) -> PageLoad:
    gzipped, plain = first_load(browser, gzip_url + path), first_load(browser, identity_url + path)
    load = PageLoad(page=path or "(home)", requests=len(gzipped),
                    third_party=sum(not url.startswith(gzip_url) for _, url, _ in gzipped),
                    requests_by_type=dict(Counter(kind for kind, _, _ in gzipped)))
    for kind, _, size in gzipped:
        load.gzip_bytes_by_type[kind] = load.gzip_bytes_by_type.get(kind, 0) + size
    for kind, _, size in plain:
        load.identity_bytes_by_type[kind] = load.identity_bytes_by_type.get(kind, 0) + size
    return load
