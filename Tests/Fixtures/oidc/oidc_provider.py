#!/usr/bin/env python3
"""A small OpenID Connect provider for Plinth's SSO tests (standard library only).

It listens on a free loopback port, prints "READY <port>" once it serves, and
exits when its stdin closes. The issuer is http://127.0.0.1:<port>; its RSA
key (2048 bits) is generated at start or read from --key-file. /authorize approves at once and redirects back with a code; the test
tells it what to return through extra query parameters on the authorize URL:

  x_claims   JSON object: the user's claims (sub, email, given_name, groups, …)
  x_userinfo JSON object: claims only /userinfo returns (merged over x_claims)
  x_tamper   comma list of: nonce, signature, aud, iss, exp, kid, at_hash,
             alg (signs with another algorithm than announced), no_id_token,
             no_refresh, userinfo_sub, iss_param (a wrong RFC 9207 `iss` in
             the redirect), no_iss_param (none, though announced)

/token checks the client (Basic or client_secret_post), the code (single use,
same redirect_uri), and the PKCE verifier; /userinfo answers for an access
token. GET /_log returns what the provider saw (authorize queries, token
requests) so tests can check what Plinth sent.

--write-key=PATH generates a key into PATH and exits; --key-file=PATH then
uses it instead of generating one (tests share one key per run).
"""

import base64
import hashlib
import json
import os
import secrets
import signal
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

# --- RSA (key generation and PKCS#1 v1.5 / PSS signatures) ----------------

def small_primes(limit):
    sieve = bytearray([1]) * limit
    sieve[:2] = b"\x00\x00"
    for i in range(2, int(limit ** 0.5) + 1):
        if sieve[i]:
            sieve[i * i::i] = bytearray(len(sieve[i * i::i]))
    return [i for i in range(3, limit) if sieve[i]]


SMALL_PRIMES = small_primes(20000)


def is_probable_prime(n, rounds=40):
    if n < 2:
        return False
    for p in SMALL_PRIMES:
        if n % p == 0:
            return n == p
    d, r = n - 1, 0
    while d % 2 == 0:
        d //= 2
        r += 1
    for _ in range(rounds):
        a = secrets.randbelow(n - 3) + 2
        x = pow(a, d, n)
        if x in (1, n - 1):
            continue
        for _ in range(r - 1):
            x = pow(x, 2, n)
            if x == n - 1:
                break
        else:
            return False
    return True


def random_prime(bits, e):
    while True:
        candidate = secrets.randbits(bits) | (1 << (bits - 1)) | (1 << (bits - 2)) | 1
        if candidate % e != 1 and is_probable_prime(candidate):
            return candidate


class RSAKey:
    def __init__(self, bits=2048, saved=None):
        self.e = 65537
        if saved:
            self.n, self.d = int(saved["n"]), int(saved["d"])
        else:
            while True:
                p, q = random_prime(bits // 2, self.e), random_prime(bits // 2, self.e)
                if p != q and (p * q).bit_length() == bits:
                    break
            self.n = p * q
            self.d = pow(self.e, -1, (p - 1) * (q - 1))
        self.size = (self.n.bit_length() + 7) // 8
        self.kid = secrets.token_hex(8)

    def save(self, path):
        temporary = path + ".%d" % os.getpid()
        with open(temporary, "w") as out:
            json.dump({"n": str(self.n), "d": str(self.d)}, out)
        os.replace(temporary, path)

    def raw(self, em):
        return pow(int.from_bytes(em, "big"), self.d, self.n).to_bytes(self.size, "big")

    def jwk(self):
        def b64(number):
            return b64url(number.to_bytes((number.bit_length() + 7) // 8, "big"))
        return {"kty": "RSA", "kid": self.kid, "use": "sig", "n": b64(self.n), "e": b64(self.e)}


DIGEST_INFO = {
    "sha256": bytes.fromhex("3031300d060960864801650304020105000420"),
    "sha384": bytes.fromhex("3041300d060960864801650304020205000430"),
    "sha512": bytes.fromhex("3051300d060960864801650304020305000440"),
}


def mgf1(seed, length, hash_name):
    out = b""
    counter = 0
    while len(out) < length:
        out += hashlib.new(hash_name, seed + counter.to_bytes(4, "big")).digest()
        counter += 1
    return out[:length]


def sign(key, alg, data):
    hash_name = "sha" + alg[2:]
    digest = hashlib.new(hash_name, data).digest()
    if alg.startswith("RS"):
        t = DIGEST_INFO[hash_name] + digest
        return key.raw(b"\x00\x01" + b"\xff" * (key.size - len(t) - 3) + b"\x00" + t)
    # PSS, salt as long as the digest.
    em_bits = key.n.bit_length() - 1
    em_len = (em_bits + 7) // 8
    salt = os.urandom(len(digest))
    h = hashlib.new(hash_name, b"\x00" * 8 + digest + salt).digest()
    db = b"\x00" * (em_len - len(salt) - len(h) - 2) + b"\x01" + salt
    masked = bytes(a ^ b for a, b in zip(db, mgf1(h, len(db), hash_name)))
    masked = bytes([masked[0] & (0xFF >> (8 * em_len - em_bits))]) + masked[1:]
    return key.raw(b"\x00" * (key.size - em_len) + masked + h + b"\xbc")


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def jwt(key, alg, claims, kid=None):
    header = {"alg": alg, "typ": "JWT", "kid": kid or key.kid}
    signing_input = b64url(json.dumps(header).encode()) + "." + b64url(json.dumps(claims).encode())
    return signing_input + "." + b64url(sign(key, alg, signing_input.encode()))


# --- The provider -----------------------------------------------------------

class Provider:
    def __init__(self, client_id, client_secret, alg, key_file=None):
        self.client_id = client_id
        self.client_secret = client_secret
        self.alg = alg
        self._key = None
        self._key_ready = threading.Event()
        if key_file:
            with open(key_file) as saved:
                self._key = RSAKey(saved=json.load(saved))
            self._key_ready.set()
        else:
            # Generating a key takes a second or two of CPU: it overlaps with the host's start.
            threading.Thread(target=self._generate, daemon=True).start()
        self.issuer = None
        self.codes = {}
        self.access_tokens = {}
        self.refresh_tokens = {}
        self.log = {"authorize": [], "token": [], "userinfo": 0}
        self.lock = threading.Lock()

    def _generate(self):
        self._key = RSAKey()
        self._key_ready.set()

    @property
    def key(self):
        self._key_ready.wait()
        return self._key


DEFAULT_CLAIMS = {"sub": "user-1", "email": "ada@example.com", "email_verified": True,
                  "given_name": "Ada", "family_name": "Lovelace"}


class Handler(BaseHTTPRequestHandler):
    provider = None

    def log_message(self, *args):
        pass

    def reply(self, status, body=None, headers=None):
        data = b"" if body is None else json.dumps(body).encode()
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        if body is not None:
            self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        url = urllib.parse.urlsplit(self.path)
        query = dict(urllib.parse.parse_qsl(url.query, keep_blank_values=True))
        p = self.provider
        if url.path == "/.well-known/openid-configuration":
            return self.reply(200, {
                "issuer": p.issuer,
                "authorization_endpoint": p.issuer + "/authorize",
                "token_endpoint": p.issuer + "/token",
                "userinfo_endpoint": p.issuer + "/userinfo",
                "jwks_uri": p.issuer + "/jwks",
                "response_types_supported": ["code"],
                "subject_types_supported": ["public"],
                "id_token_signing_alg_values_supported": [p.alg],
                "code_challenge_methods_supported": ["S256", "plain"],
                "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
                "scopes_supported": ["openid", "profile", "email", "offline_access"],
                "authorization_response_iss_parameter_supported": True,
            })
        if url.path == "/jwks":
            return self.reply(200, {"keys": [p.key.jwk()]})
        if url.path == "/authorize":
            return self.authorize(query)
        if url.path == "/userinfo":
            return self.userinfo()
        if url.path == "/_log":
            with p.lock:
                return self.reply(200, p.log)
        self.reply(404, {"error": "not_found"})

    def do_POST(self):
        url = urllib.parse.urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        form = dict(urllib.parse.parse_qsl(self.rfile.read(length).decode(), keep_blank_values=True))
        if url.path == "/token":
            return self.token(form)
        self.reply(404, {"error": "not_found"})

    def authorize(self, query):
        p = self.provider
        with p.lock:
            p.log["authorize"].append(query)
        if query.get("client_id") != p.client_id:
            return self.reply(400, {"error": "invalid_client"})
        if query.get("response_type") != "code" or not query.get("redirect_uri"):
            return self.reply(400, {"error": "invalid_request"})
        code = secrets.token_urlsafe(24)
        with p.lock:
            p.codes[code] = {
                "redirect_uri": query["redirect_uri"],
                "challenge": query.get("code_challenge"),
                "method": query.get("code_challenge_method", "plain"),
                "nonce": query.get("nonce"),
                "scope": query.get("scope", ""),
                "claims": {**DEFAULT_CLAIMS, **json.loads(query.get("x_claims") or "{}")},
                "userinfo": json.loads(query.get("x_userinfo") or "{}"),
                "tamper": set(filter(None, query.get("x_tamper", "").split(","))),
            }
        tamper = p.codes[code]["tamper"]
        params = {"code": code}
        if "state" in query:
            params["state"] = query["state"]
        if "no_iss_param" not in tamper:
            params["iss"] = "http://evil.example" if "iss_param" in tamper else p.issuer
        separator = "&" if "?" in query["redirect_uri"] else "?"
        self.reply(302, None, {"Location": query["redirect_uri"] + separator + urllib.parse.urlencode(params)})

    def client_authenticated(self, form):
        p = self.provider
        header = self.headers.get("Authorization", "")
        if header.startswith("Basic "):
            pair = base64.b64decode(header[6:]).decode()
            client_id, _, secret = pair.partition(":")
            client_id, secret = urllib.parse.unquote_plus(client_id), urllib.parse.unquote_plus(secret)
            method = "client_secret_basic"
        else:
            client_id, secret = form.get("client_id"), form.get("client_secret")
            method = "client_secret_post"
        return client_id == p.client_id and secret == p.client_secret, method

    def token(self, form):
        p = self.provider
        ok, method = self.client_authenticated(form)
        with p.lock:
            p.log["token"].append({**{k: v for k, v in form.items() if k != "client_secret"}, "auth_method": method})
        if not ok:
            return self.reply(401, {"error": "invalid_client"})
        grant = form.get("grant_type")
        if grant == "authorization_code":
            with p.lock:
                record = p.codes.pop(form.get("code", ""), None)
            if record is None or record["redirect_uri"] != form.get("redirect_uri"):
                return self.reply(400, {"error": "invalid_grant", "error_description": "unknown code"})
            verifier = form.get("code_verifier", "")
            expected = verifier if record["method"] == "plain" else b64url(hashlib.sha256(verifier.encode()).digest())
            if record["challenge"] is None or expected != record["challenge"]:
                return self.reply(400, {"error": "invalid_grant", "error_description": "PKCE verification failed"})
            return self.issue(record)
        if grant == "refresh_token":
            with p.lock:
                record = p.refresh_tokens.pop(form.get("refresh_token", ""), None)
            if record is None:
                return self.reply(400, {"error": "invalid_grant", "error_description": "unknown refresh token"})
            return self.issue(record, refresh=True)
        self.reply(400, {"error": "unsupported_grant_type"})

    def issue(self, record, refresh=False):
        p = self.provider
        tamper = record["tamper"]
        access_token = secrets.token_urlsafe(24)
        body = {"access_token": access_token, "token_type": "Bearer", "expires_in": 3600}
        if "no_refresh" not in tamper:
            refresh_token = "rt-" + secrets.token_urlsafe(24)
            body["refresh_token"] = refresh_token
        with p.lock:
            p.access_tokens[access_token] = record
            if "refresh_token" in body:
                p.refresh_tokens[body["refresh_token"]] = record
        if "openid" in record["scope"].split() and "no_id_token" not in tamper and not refresh:
            now = int(time.time())
            claims = {**record["claims"], "iss": p.issuer, "aud": p.client_id, "iat": now, "exp": now + 300}
            if record["nonce"] is not None:
                claims["nonce"] = record["nonce"]
            digest = hashlib.sha256(access_token.encode()).digest()
            claims["at_hash"] = b64url(digest[:len(digest) // 2])
            if "nonce" in tamper:
                claims["nonce"] = "not-the-nonce"
            if "aud" in tamper:
                claims["aud"] = "someone-else"
            if "iss" in tamper:
                claims["iss"] = "http://evil.example"
            if "exp" in tamper:
                claims["exp"] = now - 120
            if "at_hash" in tamper:
                claims["at_hash"] = "AAAAAAAAAAAAAAAAAAAAAA"
            alg = ("PS256" if p.alg.startswith("RS") else "RS256") if "alg" in tamper else p.alg
            token = jwt(p.key, alg, claims, kid="unknown-key" if "kid" in tamper else None)
            if "signature" in tamper:
                head, payload, signature = token.split(".")
                forged = dict(claims, sub="someone-else")
                token = head + "." + b64url(json.dumps(forged).encode()) + "." + signature
            body["id_token"] = token
        self.reply(200, body, {"Cache-Control": "no-store"})

    def userinfo(self):
        p = self.provider
        header = self.headers.get("Authorization", "")
        with p.lock:
            p.log["userinfo"] += 1
            record = p.access_tokens.get(header[7:]) if header.startswith("Bearer ") else None
        if record is None:
            return self.reply(401, {"error": "invalid_token"}, {"WWW-Authenticate": 'Bearer error="invalid_token"'})
        claims = {**record["claims"], **record["userinfo"]}
        if "userinfo_sub" in record["tamper"]:
            claims["sub"] = "someone-else"
        self.reply(200, claims)


def exit_with_parent():
    """Exits when stdin closes: the test process that started us has ended, whatever way."""
    sys.stdin.buffer.read()
    os._exit(0)


def main():
    # A test runner may start us with SIGTERM blocked; stopping must work all the same.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    args = dict(arg.lstrip("-").split("=", 1) for arg in sys.argv[1:])
    if "write-key" in args:
        RSAKey().save(args["write-key"])
        return
    threading.Thread(target=exit_with_parent, daemon=True).start()
    provider = Provider(args.get("client-id", "plinth"), args.get("client-secret", "plinth-secret"), args.get("alg", "RS256"),
                        args.get("key-file"))
    Handler.provider = provider
    server = ThreadingHTTPServer(("127.0.0.1", int(args.get("port", "0"))), Handler)
    server.daemon_threads = True
    provider.issuer = "http://127.0.0.1:%d" % server.server_address[1]
    print("READY %d" % server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
