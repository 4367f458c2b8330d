"""Serve one service's Prometheus metrics on an internal address: the values every gunicorn worker wrote to
PROMETHEUS_MULTIPROC_DIR (lookout.metrics), on 127.0.0.1 only by default. Never behind the public proxy.

    PROMETHEUS_MULTIPROC_DIR=var/prod/metrics/police python deploy/metrics_server.py --port 9100
"""

import argparse
import os
import signal
import sys
import threading

from prometheus_client import CollectorRegistry, start_http_server
from prometheus_client.multiprocess import MultiProcessCollector


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--bind", default="127.0.0.1", help="an internal address (default 127.0.0.1)")
    args = parser.parse_args()
    folder = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if not folder:
        sys.exit("Set PROMETHEUS_MULTIPROC_DIR to the folder the service's workers write to.")
    registry = CollectorRegistry()
    MultiProcessCollector(registry, path=folder)
    server, thread = start_http_server(args.port, addr=args.bind, registry=registry)
    stopped = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stopped.set())
    stopped.wait()
    server.shutdown()
    thread.join(timeout=5)


if __name__ == "__main__":
    main()
