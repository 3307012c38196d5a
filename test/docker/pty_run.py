#!/usr/bin/env python3
"""Runs a command in a pseudo-terminal, as a person at a terminal would: prints what it shows, and once
the output matches EXPECT presses Ctrl+C. Exit code: the command's, or 124 when EXPECT never showed.
Usage: pty_run.py TIMEOUT_SECONDS EXPECT_REGEX COMMAND [ARGS...]  (EXPECT '' = just run to the end)"""
import os, pty, re, select, signal, sys, time

timeout, expect, cmd = float(sys.argv[1]), sys.argv[2], sys.argv[3:]
pid, fd = pty.fork()
if pid == 0:
    os.execvp(cmd[0], cmd)
seen, pressed, deadline = b"", False, time.time() + timeout
while True:
    if time.time() > deadline:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        sys.exit(124)
    r, _, _ = select.select([fd], [], [], 0.2)
    if r:
        try:
            data = os.read(fd, 4096)
        except OSError:
            data = b""
        if not data:
            break
        seen += data
        sys.stdout.write(data.decode("utf-8", "replace"))
        sys.stdout.flush()
    if expect and not pressed and re.search(expect.encode(), seen):
        time.sleep(0.5)
        os.write(fd, b"\x03")
        pressed = True
_, status = os.waitpid(pid, 0)
if expect and not pressed:
    sys.exit(124)
sys.exit(os.waitstatus_to_exitcode(status) if hasattr(os, "waitstatus_to_exitcode") else status >> 8)
