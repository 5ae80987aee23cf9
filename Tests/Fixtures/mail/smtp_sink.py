"""An SMTP server for the mail tests (aiosmtpd), on 127.0.0.1.

usage: smtp_sink.py PORT FOLDER [--user U --password P] [--starttls CERT KEY | --tls CERT KEY]

Each message received is written to FOLDER/<n>.json: the envelope, the
session (peer, TLS, authenticated user) and the message as Python's email
parser reads it (decoded headers, every part's type, charset and text), plus
the raw bytes in FOLDER/<n>.eml. "ready" is printed once the port listens.
"""
import argparse
import asyncio
import email
import email.policy
import json
import os
import signal
import ssl
import sys
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class Sink:
    def __init__(self, folder):
        self.folder = folder
        self.count = 0
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        parts = []
        for part in message.walk():
            if part.is_multipart():
                continue
            parts.append({
                "type": part.get_content_type(),
                "charset": part.get_content_charset(),
                "transfer_encoding": part.get("Content-Transfer-Encoding"),
                "content": part.get_content(),
            })
        login = session.login_data
        transport = server.transport
        record = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "peer_port": session.peer[1],
            "tls": transport is not None and transport.get_extra_info("ssl_object") is not None,
            "user": login.decode() if isinstance(login, bytes) else login,
            "headers": {name: str(value) for name, value in message.items()},
            "content_type": message.get_content_type(),
            "parts": parts,
            "defects": [str(defect) for defect in message.defects],
        }
        with self.lock:
            self.count += 1
            number = self.count
        with open(os.path.join(self.folder, f"{number}.eml"), "wb") as raw:
            raw.write(envelope.original_content)
        with open(os.path.join(self.folder, f"{number}.json.tmp"), "w") as out:
            json.dump(record, out)
        os.rename(os.path.join(self.folder, f"{number}.json.tmp"), os.path.join(self.folder, f"{number}.json"))
        return "250 Message accepted for delivery"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("port", type=int)
    parser.add_argument("folder")
    parser.add_argument("--user")
    parser.add_argument("--password")
    parser.add_argument("--starttls", nargs=2, metavar=("CERT", "KEY"))
    parser.add_argument("--tls", nargs=2, metavar=("CERT", "KEY"))
    args = parser.parse_args()

    options = {}
    if args.user:
        def authenticate(server, session, envelope, mechanism, auth_data):
            ok = isinstance(auth_data, LoginPassword) and auth_data.login.decode() == args.user \
                and auth_data.password.decode() == args.password
            return AuthResult(success=ok, handled=False, auth_data=auth_data if ok else None)
        options.update(authenticator=authenticate, auth_require_tls=False, auth_required=True)
    if args.starttls or args.tls:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(*(args.starttls or args.tls))
        if args.starttls:
            options.update(tls_context=context, require_starttls=True)
        else:
            options.update(ssl_context=context)
    controller = Controller(Sink(args.folder), hostname="127.0.0.1", port=args.port, **options)
    # The test process may spawn this with signals blocked; stop promptly on SIGTERM regardless.
    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM})
    controller.start()
    print("ready", flush=True)
    threading.Event().wait()


if __name__ == "__main__":
    main()
