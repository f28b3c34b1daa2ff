"""Page kernels forked from a warm process, for the build's page execution (tools/preexecute.py).

Every page of the book runs in its own IPython kernel, and every kernel spends its first seconds
the same way: starting IPython (0.8 s) and importing numpy, SciPy, Matplotlib, SymPy and
``qdbook`` (2.6 s more on a typical page). Over the book's pages that fixed cost was about 85 of
the 130 s of execution. Here one process per build worker (the *zygote*) imports that stack once;
each page's kernel is then an ``os.fork()`` of it that becomes an ordinary ipykernel.

What a page sees is what a fresh kernel gives it:

* a new process per page, so an empty namespace and no state left by an earlier page;
* the modules the zygote imported, in the state their import leaves them (importing a module
  has no inputs but the environment, which the zygote shares with the worker);
* Matplotlib's inline backend, chosen through ``MPLBACKEND`` before Matplotlib is imported, as
  ipykernel itself does; the zygote imports no backend and no ``pyplot``, so the kernel's shell
  wires up inline figures exactly as it does when a page imports them.

The kernel manager speaks to the forked kernel as to any other (ZeroMQ, connection file,
signals to its process group); only the launch differs. ``tests/book/test_execution_cache.py``
executes pages both ways and compares their outputs.
"""

from __future__ import annotations

import importlib
import os
import pickle
import select
import signal
import struct
import sys
import uuid
from pathlib import Path

from jupyter_client import AsyncKernelManager
from jupyter_client.provisioning import LocalProvisioner

PRELOAD = ("numpy", "scipy.constants", "scipy.optimize", "scipy.integrate", "scipy.special",
           "scipy.stats", "sympy", "matplotlib", "matplotlib.figure", "qdbook", "qdbook.explore",
           "ipywidgets", "ipykernel.kernelapp")
"""Imported once by the zygote: what nearly every page imports (``python -X importtime``).
Not ``matplotlib_inline``: its backend wires itself into the IPython shell when first imported,
so that import must happen in the kernel, as it does in a fresh one."""

INLINE = "module://matplotlib_inline.backend_inline"
TOOLS = str(Path(__file__).resolve().parent)


def _send(fd: int, obj) -> None:
    data = pickle.dumps(obj)
    os.write(fd, struct.pack("!I", len(data)) + data)


def _recv(fd: int):
    head = _read_exactly(fd, 4)
    if head is None:
        return None
    return pickle.loads(_read_exactly(fd, struct.unpack("!I", head)[0]))


def _read_exactly(fd: int, n: int) -> bytes | None:
    chunks = b""
    while len(chunks) < n:
        chunk = os.read(fd, n - len(chunks))
        if not chunk:
            return None
        chunks += chunk
    return chunks


class Zygote:
    """A process that has imported :data:`PRELOAD` and forks a kernel per request.

    Create it before the calling process uses ZeroMQ or asyncio (a fork copies both), e.g. in a
    process pool's initializer. It exits when its creator closes the pipe or exits.
    """

    def __init__(self) -> None:
        from_parent, to_child = os.pipe()
        from_child, to_parent = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(to_child)
            os.close(from_child)
            try:
                self._serve(from_parent, to_parent)
            finally:
                os._exit(0)
        os.close(from_parent)
        os.close(to_parent)
        self.pid, self._out, self._in = pid, to_child, from_child

    def spawn(self, cmd: list[str], env: dict[str, str], cwd: str) -> int:
        """Fork a kernel that runs ``cmd`` (``python -m ipykernel_launcher -f FILE``); its pid."""
        _send(self._out, (cmd, env, cwd))
        pid = _recv(self._in)
        if not isinstance(pid, int):
            raise RuntimeError(f"the kernel zygote did not fork a kernel for {cmd}: {pid!r}")
        return pid

    @staticmethod
    def _serve(requests: int, replies: int) -> None:
        os.environ.setdefault("MPLBACKEND", INLINE)   # as ipykernel does, before Matplotlib
        for name in PRELOAD:
            importlib.import_module(name)
        signal.signal(signal.SIGCHLD, signal.SIG_IGN)   # the kernels are reaped by the system
        while (request := _recv(requests)) is not None:
            cmd, env, cwd = request
            pid = os.fork()
            if pid == 0:
                os.close(requests)
                os.close(replies)
                _become_kernel(cmd, env, cwd)
            _send(replies, pid)


def _become_kernel(cmd: list[str], env: dict[str, str], cwd: str) -> None:
    """In the forked child: turn into the ipykernel that ``cmd`` would have started."""
    status = 1
    try:
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        os.setsid()                       # its own process group, as jupyter_client's launcher
        os.chdir(cwd)
        os.environ.clear()
        os.environ.update(env)
        os.environ.setdefault("MPLBACKEND", INLINE)
        sys.path[:] = [p for p in sys.path if p not in ("", TOOLS)]   # as ipykernel_launcher
        # ipykernel watches its parent (here the zygote) through JPY_PARENT_PID, which
        # jupyter_client's launcher sets; its default was read when the zygote imported it
        os.environ["JPY_PARENT_PID"] = str(os.getppid())
        argv = [*cmd[3:], f"--IPKernelApp.parent_handle={os.getppid()}"]
        sys.argv = [cmd[0], *argv]
        from ipykernel import kernelapp

        kernelapp.launch_new_instance(argv=argv)
        status = 0
    finally:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except Exception:   # noqa: BLE001 - the kernel may have replaced or closed them
                pass
        os._exit(status)


class _Forked:
    """Enough of ``subprocess.Popen`` for jupyter_client, for a process that is not our child."""

    stdin = stdout = stderr = None

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self._fd = os.pidfd_open(pid)
        self.returncode: int | None = None

    def poll(self) -> int | None:
        if self.returncode is None and select.select([self._fd], [], [], 0)[0]:
            self.returncode = 0           # the zygote reaps it; its exit status is not ours
            os.close(self._fd)
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        if self.returncode is None:
            select.select([self._fd], [], [], timeout)
        if self.poll() is None:
            raise TimeoutError(f"kernel {self.pid} still running after {timeout} s")
        return self.returncode

    def send_signal(self, signum: int) -> None:
        if self.poll() is None:
            os.kill(self.pid, signum)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)


ZYGOTE: Zygote | None = None
"""This process's zygote, set by :func:`start_zygote`; None means ordinary kernel launches."""


def start_zygote() -> None:
    """Start this process's zygote (a process pool initializer)."""
    global ZYGOTE
    ZYGOTE = Zygote()


class ForkProvisioner(LocalProvisioner):
    """Launches the kernel as a fork of :data:`ZYGOTE` instead of a new Python process."""

    async def launch_kernel(self, cmd: list[str], **kwargs):
        """Fork the kernel ``cmd`` names from the zygote; any other command launches as usual."""
        if ZYGOTE is None or cmd[1:3] != ["-m", "ipykernel_launcher"]:
            return await super().launch_kernel(cmd, **kwargs)
        env = kwargs.get("env") or dict(os.environ)
        cwd = str(kwargs.get("cwd") or Path.cwd())
        self.process = _Forked(ZYGOTE.spawn(cmd, env, cwd))
        self.pid = self.pgid = self.process.pid
        self.cwd = cwd
        return self.connection_info


class ForkKernelManager(AsyncKernelManager):
    """nbclient's ``kernel_manager_class`` for kernels forked from :data:`ZYGOTE`."""

    async def _async_pre_start_kernel(self, **kw):
        self.kernel_id = self.kernel_id or kw.pop("kernel_id", str(uuid.uuid4()))
        if self.provisioner is None:
            self.provisioner = ForkProvisioner(kernel_id=self.kernel_id or "",
                                               kernel_spec=self.kernel_spec, parent=self)
        return await super()._async_pre_start_kernel(**kw)
