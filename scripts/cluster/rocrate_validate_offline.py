"""rocrate-validator without network: the RO-Crate 1.3 JSON-LD context is served from
the copy that the `rocrate` package ships (rocrate/data/ro-crate.jsonld, the document
behind https://w3id.org/ro/crate/1.3/context); every other HTTP(S) request is answered
504 (what requests-cache returns for an offline miss), so a check that needs the web
fails visibly instead of hanging. Arguments are rocrate-validator's own, e.g.

    scripts/cluster/rocrate-validate -y --disable-color validate --no-cache \
        -p ro-crate-1.3 --skip-availability-check path/to/crate
"""
import importlib.resources
import sys

import requests
from requests.adapters import BaseAdapter
from rocrate_validator.utils import http as rv_http

LOCAL = {
    "https://w3id.org/ro/crate/1.3/context":
        (importlib.resources.files("rocrate") / "data" / "ro-crate.jsonld").read_bytes(),
}


class LocalAdapter(BaseAdapter):
    def send(self, request, **kwargs):
        body = LOCAL.get(request.url.rstrip("/"))
        response = requests.Response()
        response.status_code = 200 if body is not None else 504
        response.reason = "OK" if body is not None else "offline: no local copy"
        response._content = body if body is not None else b""
        response.headers["Content-Type"] = "application/ld+json"
        response.url, response.request, response.encoding = request.url, request, "utf-8"
        return response

    def close(self):
        pass


_original_init = rv_http.HttpRequester.__initialize_session__


def _init_session(self, *args, **kwargs):
    _original_init(self, *args, **kwargs)
    session = getattr(self, "session", None)
    if session is not None and hasattr(session, "mount"):
        session.mount("https://", LocalAdapter())
        session.mount("http://", LocalAdapter())


rv_http.HttpRequester.__initialize_session__ = _init_session

from rocrate_validator.cli import cli  # noqa: E402  (after the patch)

sys.exit(cli())
