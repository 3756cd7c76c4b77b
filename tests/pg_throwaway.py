"""A throwaway PostgreSQL server for the tests: initdb in a temp dir, bound to 127.0.0.1 on a free
port, password auth, stopped (and its files removed) by `stop()`, at exit, or by the fixture.

Decides how the server is found (`pg_config --bindir`, /usr/lib/postgresql/*/bin, PATH) and who
runs it: postgres refuses to run as root, so as root the server runs as the `postgres` user (or
`nobody`). It never touches a system cluster. bench/ scripts may import it too.
"""

from __future__ import annotations

import atexit
import glob
import os
import pwd
import secrets
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

__all__ = ["PgServer", "PgUnavailable", "find_bindir"]


class PgUnavailable(RuntimeError):
    """No PostgreSQL server binaries (initdb, pg_ctl) on this machine."""


def find_bindir() -> Path:
    """The folder holding initdb and pg_ctl, newest major version first."""
    found: list[Path] = []
    if shutil.which("pg_config"):
        try:
            out = subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True,
                                 timeout=10).stdout.strip()
            if out:
                found.append(Path(out))
        except (OSError, subprocess.SubprocessError):
            pass

    def major(p: str) -> int:
        part = Path(p).parent.parent.name
        return int(part) if part.isdigit() else 0

    found += [Path(p).parent for p in sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                                             key=major, reverse=True)]
    if shutil.which("initdb"):
        found.append(Path(shutil.which("initdb")).parent)  # type: ignore[arg-type]
    for d in found:
        if (d / "initdb").is_file() and (d / "pg_ctl").is_file():
            return d
    raise PgUnavailable(
        "no PostgreSQL server binaries (initdb, pg_ctl) found via pg_config, "
        "/usr/lib/postgresql/*/bin or PATH; install the Debian package `postgresql`")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _run_as() -> tuple[int, int] | None:
    """(uid, gid) of an unprivileged account when we are root, else None (run as ourselves)."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            pw = pwd.getpwnam(name)
        except KeyError:
            continue
        return pw.pw_uid, pw.pw_gid
    raise PgUnavailable("running as root and no unprivileged account (postgres, nobody) to "
                        "run PostgreSQL as")


class PgServer:
    """One server. `start()` returns self; `dsn(dbname)` names a database on it; `create_db()`
    makes a fresh one. Superuser `postgres`, password in the DSN (host auth is scram-sha-256)."""

    def __init__(self, bindir: Path | None = None) -> None:
        self.bindir = bindir or find_bindir()
        self.user = "postgres"
        self.password = "pw-" + secrets.token_hex(8)
        self.port = 0
        self.root: Path | None = None
        self._as = _run_as()
        self._started = False

    # ------------------------------------------------------------------ running commands
    def _cmd(self, *args: str, timeout: float = 60) -> subprocess.CompletedProcess:
        kw: dict = {}
        if self._as is not None:
            kw = {"user": self._as[0], "group": self._as[1], "extra_groups": []}
        env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
        env["LC_ALL"] = "C"
        return subprocess.run(list(args), capture_output=True, text=True, timeout=timeout,
                              env=env, cwd=str(self.root), stdin=subprocess.DEVNULL, **kw)

    def start(self) -> PgServer:
        self.root = Path(tempfile.mkdtemp(prefix="consilience-pg-"))
        data, sock = self.root / "data", self.root / "sock"
        sock.mkdir()
        pwfile = self.root / "pw"
        pwfile.write_text(self.password + "\n")
        if self._as is not None:
            for p in (self.root, sock, pwfile):
                os.chown(p, *self._as)
        atexit.register(self.stop)
        init = self._cmd(str(self.bindir / "initdb"), "-D", str(data), "-U", self.user,
                         f"--pwfile={pwfile}", "--auth-local=trust",
                         "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C", "--no-sync",
                         "--no-instructions")
        if init.returncode != 0:
            self.stop()
            raise RuntimeError(f"initdb failed: {(init.stderr or init.stdout).strip()[-800:]}")
        last = ""
        for _ in range(5):  # the free port may be taken between probing and binding: retry
            self.port = _free_port()
            opts = (f"-c listen_addresses=127.0.0.1 -p {self.port} -k {sock} -c fsync=off "
                    "-c full_page_writes=off -c max_connections=40 -c shared_buffers=32MB")
            run = self._cmd(str(self.bindir / "pg_ctl"), "start", "-w", "-t", "60", "-D",
                            str(data), "-l", str(self.root / "log"), "-o", opts, timeout=90)
            if run.returncode == 0:
                self._started = True
                return self
            log = self.root / "log"
            last = log.read_text(errors="replace")[-800:] if log.exists() else run.stderr
        self.stop()
        raise RuntimeError(f"PostgreSQL did not start: {last.strip()}")

    def stop(self) -> None:
        """Stop the server (immediately: it is throwaway) and remove its files. Idempotent."""
        if self.root is None:
            return
        if self._started:
            try:
                self._cmd(str(self.bindir / "pg_ctl"), "stop", "-D", str(self.root / "data"),
                          "-m", "immediate", "-w", "-t", "30", timeout=40)
            except (OSError, subprocess.SubprocessError):
                pass
            self._started = False
        shutil.rmtree(self.root, ignore_errors=True)
        self.root = None

    # ------------------------------------------------------------------ databases
    def dsn(self, dbname: str = "postgres") -> str:
        return (f"postgresql://{self.user}:{self.password}@127.0.0.1:{self.port}/{dbname}"
                "?connect_timeout=10")

    def create_db(self, name: str | None = None) -> str:
        import psycopg

        name = name or "t_" + secrets.token_hex(6)
        with psycopg.connect(self.dsn(), autocommit=True) as con:
            con.execute(f'CREATE DATABASE "{name}"')
        return self.dsn(name)

    def drop_db(self, dsn: str) -> None:
        import psycopg

        name = dsn.rsplit("/", 1)[1].split("?", 1)[0]
        with psycopg.connect(self.dsn(), autocommit=True) as con:
            con.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def wait_closed(port: int, seconds: float = 10) -> bool:
    """True once nothing listens on 127.0.0.1:port (used to check that stop() stopped it)."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) != 0:
                return True
        time.sleep(0.1)
    return False
