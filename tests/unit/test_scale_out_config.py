"""The nginx site of docs/deployment.md is the one `make chaos` runs (tools/chaos/scale.py
renders docs/examples/nginx/careergraph.conf): the doc quotes the file whole, so they
cannot drift apart."""

from __future__ import annotations

from pathlib import Path

from tools.chaos.scale import NGINX_SITE, render

DOC = Path(__file__).parents[2] / "docs" / "deployment.md"


def test_the_doc_quotes_the_site_the_chaos_run_renders() -> None:
    assert f"```nginx\n{NGINX_SITE.read_text()}```" in DOC.read_text()


def test_the_rendered_site_lists_every_instance_and_retries_reads() -> None:
    site = render(NGINX_SITE.read_text(), ["127.0.0.1:8001", "127.0.0.1:8002"], "127.0.0.1:80")
    assert "@" not in site
    assert "    server 127.0.0.1:8001 max_fails=1 fail_timeout=10s;" in site
    assert "    server 127.0.0.1:8002 max_fails=1 fail_timeout=10s;" in site
    assert "listen 127.0.0.1:80;" in site
    assert "proxy_next_upstream error timeout http_502 http_503 http_504;" in site
    assert "non_idempotent" not in site.replace("(no `non_idempotent`", "")
