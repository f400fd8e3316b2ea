#!/usr/bin/env python3
"""A local SMTP sink for Tabel's tests (standard library only).

Listens on 127.0.0.1 (a free port), prints the port on the first line of stdout, and writes
every message it accepts to OUT_DIR/<n>.eml with the envelope in OUT_DIR/<n>.env.
`--refuse N` answers 451 to the first N messages (to test retries)."""
import argparse
import os
import signal
import socketserver
import threading

# A parent that blocks SIGTERM (the server's tests do) passes the mask on: unblock it, so
# the test's terminate() ends the sink.
signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
parser = argparse.ArgumentParser()
parser.add_argument("out_dir")
parser.add_argument("--refuse", type=int, default=0)
args = parser.parse_args()
os.makedirs(args.out_dir, exist_ok=True)
lock = threading.Lock()
state = {"seen": 0, "saved": 0}


class Session(socketserver.StreamRequestHandler):
    def reply(self, line):
        self.wfile.write((line + "\r\n").encode())
        self.wfile.flush()

    def handle(self):
        self.reply("220 sink ESMTP")
        sender, recipients = None, []
        while True:
            raw = self.rfile.readline()
            if not raw:
                return
            line = raw.decode("utf-8", "replace").rstrip("\r\n")
            verb = line[:4].upper()
            if verb in ("EHLO", "HELO"):
                self.reply("250-sink")
                self.reply("250 8BITMIME")
            elif verb == "MAIL":
                sender, recipients = line[10:].strip(), []
                self.reply("250 ok")
            elif verb == "RCPT":
                recipients.append(line[8:].strip())
                self.reply("250 ok")
            elif verb == "DATA":
                self.reply("354 go on")
                data = bytearray()
                while True:
                    chunk = self.rfile.readline()
                    if not chunk or chunk in (b".\r\n", b".\n"):
                        break
                    data += chunk[1:] if chunk.startswith(b"..") else chunk
                with lock:
                    state["seen"] += 1
                    refuse = state["seen"] <= args.refuse
                    if not refuse:
                        state["saved"] += 1
                        n = state["saved"]
                if refuse:
                    self.reply("451 try again later")
                    continue
                with open(os.path.join(args.out_dir, f"{n}.env"), "w") as env:
                    env.write(f"{sender}\n" + "\n".join(recipients) + "\n")
                with open(os.path.join(args.out_dir, f"{n}.eml"), "wb") as eml:
                    eml.write(bytes(data))
                self.reply("250 queued")
            elif verb == "QUIT":
                self.reply("221 bye")
                return
            elif verb in ("RSET", "NOOP"):
                self.reply("250 ok")
            else:
                self.reply("502 not implemented")


class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


server = Server(("127.0.0.1", 0), Session)
print(server.server_address[1], flush=True)
server.serve_forever()
