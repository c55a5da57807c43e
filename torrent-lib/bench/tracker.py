#!/usr/bin/python3
"""A minimal HTTP tracker on 127.0.0.1 for the benchmark (aria2 finds peers only through a tracker).

  tracker.py PORT
"""
import sys
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

swarms = {}


class Announce(BaseHTTPRequestHandler):
    def do_GET(self):
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query, encoding='latin-1')
        info_hash = query['info_hash'][0]
        peer = (self.client_address[0], int(query['port'][0]))
        swarm = swarms.setdefault(info_hash, set())
        others = [p for p in swarm if p != peer]
        if query.get('event', [''])[0] == 'stopped':
            swarm.discard(peer)
        else:
            swarm.add(peer)
        compact = b''.join(bytes(map(int, host.split('.'))) + port.to_bytes(2, 'big') for host, port in others)
        body = b'd8:intervali30e5:peers%d:' % len(compact) + compact + b'e'
        try:
            self.send_response(200)
            self.send_header('Content-Length', str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # a client that announced 'stopped' on its way out does not wait for the answer

    def log_message(self, *args):
        pass


ThreadingHTTPServer(('127.0.0.1', int(sys.argv[1])), Announce).serve_forever()
