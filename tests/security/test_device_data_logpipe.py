"""deploy/logpipe.py: what any process of the production profile writes reaches its log without client details."""

import io

from deploy.logpipe import copy_scrubbed, scrub_line

NGINX_ERROR = (
    '2026/12/02 19:04:05 [error] 31#31: *7 open() "/srv/static/x.css" failed (2: No such file or directory), '
    'client: 203.0.113.9, server: lookout.example, request: "GET /static/x.css?name=Sam HTTP/1.1", '
    'host: "lookout.example", referrer: "https://elsewhere.example/page"\n'
)


def test_nginx_request_context_is_cut():
    line = scrub_line(NGINX_ERROR)
    assert (
        line
        == '2026/12/02 19:04:05 [error] 31#31: *7 open() "/srv/static/x.css" failed (2: No such file or directory)\n'
    )


def test_day_only_drops_the_time_of_day():
    assert scrub_line(NGINX_ERROR, day_only=True).startswith("2026/12/02 [error] 31#31")


def test_any_address_left_is_replaced():
    assert "2001:db8::5" not in scrub_line("upstream 2001:db8::5 went away\n")
    assert "192.0.2.44" not in scrub_line("[warn] something about 192.0.2.44\n")


def test_copy_keeps_every_line():
    sink = io.StringIO()
    copy_scrubbed(io.BytesIO(b"one\n" + NGINX_ERROR.encode() + b"three\n"), sink)
    lines = sink.getvalue().splitlines()
    assert len(lines) == 3 and lines[0] == "one" and lines[2] == "three"
    assert "203.0.113.9" not in sink.getvalue() and "elsewhere" not in sink.getvalue()
