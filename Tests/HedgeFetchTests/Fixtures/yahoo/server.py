#!/usr/bin/env python3
"""A loopback stand-in for Yahoo's chart API, started by the fetch tests (never the real service).

Usage: server.py FIXTURE_DIR  — binds 127.0.0.1 on a free port and prints `PORT <n>` on stdout.

GET /v8/finance/chart/SYMBOL?period1=&period2=  serves FIXTURE_DIR/chart/SYMBOL.json limited to the
range; some symbols act out a failure instead:
  CRUMBY   401 "Invalid Crumb" unless the request carries crumb=fixture-crumb and the A3 cookie; then SYNQ
  BUSY     429 twice, then SYNQ           JAMMED  429 forever
  PATIENT  429 with Retry-After: 1 once, then SYNQ
  STALLED  429 with Retry-After: 120 forever
  NOSUCH   404 with chart.error           CONSENT 200 with an HTML page
  TRUNC    200 with JSON cut in the middle SLOW   waits 3 s, then SYNQ
  STALL    never answers (up to 10 min); when the client closes the connection, counts
           `/__closed/STALL` in the stats (the Ctrl-C tests check that the fetch really ended)
GET /               sets the session cookie A3=fixture-cookie
GET /v1/test/getcrumb  fixture-crumb when the cookie is there, else 401
GET /__stats        JSON counts of requests per path
"""
import json
import os
import select
import socket
import signal
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

FIXTURES = sys.argv[1]
COUNTS = {}
LOCK = threading.Lock()
CRUMB = "fixture-crumb"
COOKIE = "A3=fixture-cookie"


def chart(symbol, query):
    path = os.path.join(FIXTURES, "chart", symbol + ".json")
    if not os.path.exists(path):
        return None
    with open(path) as f:
        data = json.load(f)
    p1 = int(query.get("period1", ["-9999999999"])[0])
    p2 = int(query.get("period2", ["9999999999"])[0])
    result = data["chart"]["result"][0]
    keep = [i for i, t in enumerate(result["timestamp"]) if p1 <= t < p2]
    result["timestamp"] = [result["timestamp"][i] for i in keep]
    quote = result["indicators"]["quote"][0]
    for key in quote:
        quote[key] = [quote[key][i] for i in keep]
    adj = result["indicators"]["adjclose"][0]
    adj["adjclose"] = [adj["adjclose"][i] for i in keep]
    for kind in list(result.get("events", {})):
        result["events"][kind] = {k: v for k, v in result["events"][kind].items() if p1 <= int(k) < p2}
    return json.dumps(data).encode()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send(self, status, body, kind="application/json", headers=()):
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def stall(self, path):
        deadline = time.monotonic() + 600
        while time.monotonic() < deadline:
            readable, _, _ = select.select([self.connection], [], [], 0.1)
            if not readable:
                continue
            try:
                data = self.connection.recv(1, socket.MSG_PEEK)
            except OSError:
                data = b""
            if not data:  # the client is gone
                with LOCK:
                    key = "/__closed" + path[len("/v8/finance/chart"):]
                    COUNTS[key] = COUNTS.get(key, 0) + 1
                self.close_connection = True
                return
            time.sleep(0.1)
        self.close_connection = True

    def do_GET(self):
        url = urllib.parse.urlsplit(self.path)
        query = urllib.parse.parse_qs(url.query)
        path = urllib.parse.unquote(url.path)
        with LOCK:
            COUNTS[path] = COUNTS.get(path, 0) + 1
            count = COUNTS[path]
        cookie = self.headers.get("Cookie", "")
        if path == "/__stats":
            with LOCK:
                return self.send(200, json.dumps(COUNTS).encode())
        if path == "/":
            return self.send(200, b"ok", "text/plain", [("Set-Cookie", COOKIE + "; Path=/; HttpOnly")])
        if path == "/v1/test/getcrumb":
            if COOKIE in cookie:
                return self.send(200, CRUMB.encode(), "text/plain")
            return self.send(401, b"Unauthorized", "text/plain")
        prefix = "/v8/finance/chart/"
        if not path.startswith(prefix):
            return self.send(404, b"not found", "text/plain")
        symbol = path[len(prefix):]
        if symbol == "CRUMBY":
            if query.get("crumb", [""])[0] == CRUMB and COOKIE in cookie:
                symbol = "SYNQ"
            else:
                body = b'{"finance":{"result":null,"error":{"code":"Unauthorized","description":"Invalid Crumb"}}}'
                return self.send(401, body)
        if symbol == "BUSY":
            if count <= 2:
                return self.send(429, b"Too Many Requests", "text/plain")
            symbol = "SYNQ"
        if symbol == "JAMMED":
            return self.send(429, b"Too Many Requests", "text/plain")
        if symbol == "PATIENT":
            if count <= 1:
                return self.send(429, b"Too Many Requests", "text/plain", [("Retry-After", "1")])
            symbol = "SYNQ"
        if symbol == "STALLED":
            return self.send(429, b"Too Many Requests", "text/plain", [("Retry-After", "120")])
        if symbol == "CONSENT":
            return self.send(200, b"<!doctype html><html><body>Before you continue to Yahoo</body></html>", "text/html")
        if symbol == "TRUNC":
            body = chart("SYNQ", query)
            return self.send(200, body[: len(body) // 2])
        if symbol == "STALL":
            return self.stall(path)
        if symbol == "SLOW":
            time.sleep(3)
            symbol = "SYNQ"
        body = chart(symbol, query)
        if body is None:
            error = {"chart": {"result": None, "error": {
                "code": "Not Found", "description": "No data found, symbol may be delisted"}}}
            return self.send(404, json.dumps(error).encode())
        return self.send(200, body)


def main():
    # A parent that blocks signals passes its mask on; make sure SIGTERM still ends the server.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGTERM, signal.SIGINT])
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    # The test keeps our stdin open; when it exits (even killed), stdin ends and so do we.
    def watch_parent():
        sys.stdin.read()
        os._exit(0)
    threading.Thread(target=watch_parent, daemon=True).start()
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    print(f"PORT {server.server_address[1]}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
