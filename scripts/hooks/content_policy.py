"""The Content-Security-Policy every page declares: nothing loads from another host.

GitHub Pages sends no header a site chooses, so the policy is a ``<meta http-equiv>`` that
``scripts/overrides/main.html`` puts first in every page's head (Material's ``site_meta`` block,
before any script or style), with this module's placeholder as its content. This hook fills it in
from the page as it ends up: every directive allows the edition's own origin and no other host,
and each inline script and ``<style>`` element is allowed by the SHA-256 of its text in that very
page. Material's inline scripts change with its version and with a page's depth, and the edition
may add its own: hashing the final HTML allows each as it is, whichever they are, and nothing else
inline runs. The page's HTML carries no ``style`` attribute and no event handler attribute, so
neither ``'unsafe-inline'`` nor ``'unsafe-hashes'`` is needed for scripts or styles.
"""

from __future__ import annotations

import base64
import hashlib
from html.parser import HTMLParser

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

# What scripts/overrides/main.html writes as the policy's content, for this hook to replace.
PLACEHOLDER = "content-security-policy-of-this-page"
# Inline scripts the browser runs (a JSON or JSON-LD block is data, never run, so never hashed).
SCRIPT_TYPES = {"", "text/javascript", "module"}


class InlineCode(HTMLParser):
    """The text of each inline script the browser runs and of each <style> element, in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)  # a script's or style's text is never unescaped
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self.open: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "script" and "src" not in attributes and (attributes.get("type") or "").lower() in SCRIPT_TYPES:
            self.scripts.append("")
            self.open = self.scripts
        elif tag == "style":
            self.styles.append("")
            self.open = self.styles

    def handle_data(self, data: str) -> None:
        if self.open is not None:
            self.open[-1] += data

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.open = None


def source_hash(text: str) -> str:
    """A CSP source expression that allows exactly this inline text."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def policy(html: str) -> str:
    """The policy of a page: its own origin only, and its own inline scripts and styles by hash."""
    code = InlineCode()
    code.feed(html)
    code.close()
    scripts = " ".join(dict.fromkeys(map(source_hash, code.scripts)))
    styles = " ".join(dict.fromkeys(map(source_hash, code.styles)))
    return "; ".join([
        "default-src 'self'",            # fonts, fetches, the manifest: this site's own, nothing else
        f"script-src 'self' {scripts}".strip(),
        f"style-src 'self' {styles}".strip(),
        "img-src 'self' data:",          # Material's icons are SVG data: URLs in its stylesheet
        "worker-src 'self'",             # the search workers and the offline worker
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'none'",            # the edition's forms (search, the toggles) are never sent
    ])


def with_policy(output: str, name: str) -> str:
    if output.count(PLACEHOLDER) != 1:
        raise PluginError(f"{name}: the page's head lacks the policy's placeholder; "
                          "see scripts/overrides/main.html")
    return output.replace(PLACEHOLDER, policy(output))


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return with_policy(output, page.file.src_uri)


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    return with_policy(output, template_name) if template_name.endswith(".html") else output
