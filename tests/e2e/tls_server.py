"""A loopback HTTPS server that lets a request through only with a client certificate.

It stands in for a website such as VECOZO's: if a browser completes a request here, the browser
found the certificate certassist put in its store, had the private key to prove it, and offered
it without asking. The server never decides a test on its own; it keeps a log that the tests
read: one record per successful request with the SHA-256 fingerprint of the client certificate,
and one record per failed handshake (so "the browser offered nothing" is visible, not silent).

The TLS handshake runs per connection in its own thread: browsers open extra connections that
close early, and a browser without the certificate may hang; neither may block the accept loop.
"""

from __future__ import annotations

import hashlib
import socket
import ssl
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

OK_MARKER = "certassist-e2e-ok"
_NO_CERTIFICATE = "PEER_DID_NOT_RETURN_A_CERTIFICATE"  # OpenSSL's reason, as ssl reports it


@dataclass(frozen=True)
class Success:
    """A request that completed with a verified client certificate."""

    fingerprint: str  # upper-case hex SHA-256 of the client certificate's DER
    subject: str
    request_line: str


class ClientCertServer:
    """HTTPS on 127.0.0.1 (port chosen by the OS) with `ssl.CERT_REQUIRED`.

    `client_ca` is the PEM file of the CA(s) whose certificates may log in; `cert_chain` and
    `key` are the server's own certificate (PEM, must name 127.0.0.1) and key.
    """

    def __init__(
        self, *, cert_chain: Path, key: Path, client_ca: Path, handshake_timeout: float = 30.0
    ) -> None:
        self._context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self._context.verify_mode = ssl.CERT_REQUIRED
        self._context.load_cert_chain(str(cert_chain), str(key))
        self._context.load_verify_locations(cafile=str(client_ca))
        self._handshake_timeout = handshake_timeout
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port: int = self._listener.getsockname()[1]
        self.url = f"https://127.0.0.1:{self.port}/login"
        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)
        self._successes: list[Success] = []
        self._failures: list[str] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept_loop, name="e2e-accept", daemon=True)

    # -- log ------------------------------------------------------------------------------
    @property
    def successes(self) -> list[Success]:
        with self._lock:
            return list(self._successes)

    @property
    def failures(self) -> list[str]:
        """Why handshakes or requests failed, in arrival order (for assertion messages)."""
        with self._lock:
            return list(self._failures)

    @property
    def fingerprints(self) -> list[str]:
        return [s.fingerprint for s in self.successes]

    def wait_for_success(self, timeout: float) -> bool:
        """True as soon as one request succeeded; lets a test stop a browser early."""
        return self._wait(lambda: bool(self._successes), timeout)

    def wait_for_failure(self, timeout: float) -> bool:
        """True once a refusal is logged (the client may see the alert before we log it)."""
        return self._wait(lambda: bool(self._failures), timeout)

    def _wait(self, ready: Callable[[], bool], timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        with self._changed:
            while not ready():
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._changed.wait(left)
            return True

    def clear(self) -> None:
        """Start a fresh log, so one browser run is judged apart from the one before."""
        with self._lock:
            self._successes.clear()
            self._failures.clear()

    def refused_without_certificate(self) -> bool:
        """A browser reached us and finished its handshake offering no client certificate."""
        return any(_NO_CERTIFICATE in reason for reason in self.failures)

    def verdict(self, grace: float = 1.5) -> Callable[[], bool]:
        """A `stop_when` for a browser run: true once a request succeeded, or `grace` seconds
        after a refusal for want of a certificate (time for a retry that could still succeed).
        """
        refused_at: float | None = None

        def reached() -> bool:
            nonlocal refused_at
            if self.successes:
                return True
            if refused_at is None and self.refused_without_certificate():
                refused_at = time.monotonic()
            return refused_at is not None and time.monotonic() - refused_at >= grace

        return reached

    def describe(self) -> str:
        return f"successes={self.successes!r} failures={self.failures!r}"

    # -- lifecycle ------------------------------------------------------------------------
    def __enter__(self) -> ClientCertServer:
        self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._stop.set()
        self._listener.close()
        self._thread.join(timeout=5)

    # -- serving --------------------------------------------------------------------------
    def _accept_loop(self) -> None:
        self._listener.settimeout(0.2)
        while not self._stop.is_set():
            try:
                conn, _addr = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return  # listener closed
            worker = threading.Thread(target=self._serve, args=(conn,), daemon=True)
            worker.start()

    def _record_failure(self, reason: str) -> None:
        with self._changed:
            self._failures.append(reason)
            self._changed.notify_all()

    def _serve(self, conn: socket.socket) -> None:
        conn.settimeout(self._handshake_timeout)
        try:
            with self._context.wrap_socket(conn, server_side=True) as tls:
                request_line = _read_request_head(tls)
                if request_line is None:
                    self._record_failure("connection closed before a request")
                    return
                der = tls.getpeercert(binary_form=True)
                if der is None:  # cannot happen with CERT_REQUIRED; keep the log honest
                    self._record_failure(f"no client certificate for {request_line!r}")
                    return
                fingerprint = hashlib.sha256(der).hexdigest().upper()
                subject = _subject_text(tls.getpeercert())
                # Record before answering: the browser may exit the moment it has the page.
                with self._changed:
                    self._successes.append(Success(fingerprint, subject, request_line))
                    self._changed.notify_all()
                body = f"<html><body><p>{OK_MARKER} {fingerprint}</p></body></html>".encode()
                tls.sendall(
                    b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                    + f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n".encode()
                    + body
                )
        except (ssl.SSLError, OSError) as error:  # TimeoutError is an OSError
            self._record_failure(f"{type(error).__name__}: {error}")
        finally:
            conn.close()


def _read_request_head(tls: ssl.SSLSocket) -> str | None:
    data = b""
    while b"\r\n\r\n" not in data and len(data) < 65536:
        chunk = tls.recv(4096)
        if not chunk:
            return None
        data += chunk
    return data.split(b"\r\n", 1)[0].decode("latin-1")


def _subject_text(peer: object) -> str:
    if not isinstance(peer, dict):
        return ""
    parts = [f"{k}={v}" for rdn in peer.get("subject", ()) for (k, v) in rdn]
    return ", ".join(parts)
