"""Cold start: milliseconds from spawning a server to its first 200 on /server/ping.

Usage: cold_start.py RUNS PORT TMPDIR CMD...

Each run spawns CMD in a fresh empty working directory under TMPDIR, polls
127.0.0.1:PORT every 5 ms with a raw HTTP/1.1 request, records the time of the
first complete 200 response, then stops the process (SIGTERM, SIGKILL after
5 s). Prints the median and the samples, in ms, on one line.
"""

import socket
import statistics
import subprocess
import sys
import tempfile
import time

POLL_INTERVAL = 0.005
TIMEOUT = 15.0
REQUEST = b"GET /server/ping HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"


def answers(port):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1) as connection:
            connection.sendall(REQUEST)
            data = b""
            while chunk := connection.recv(4096):
                data += chunk
            return data.startswith(b"HTTP/1.1 200")
    except OSError:
        return False


def one_run(port, tmp, command):
    with tempfile.TemporaryDirectory(dir=tmp, prefix="cold.") as cwd:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            while not answers(port):
                if process.poll() is not None:
                    sys.exit(f"cold_start: {command[-1]} exited with status {process.returncode} before answering")
                if time.perf_counter() - start > TIMEOUT:
                    sys.exit(f"cold_start: no answer on port {port} within {TIMEOUT:.0f} s")
                time.sleep(POLL_INTERVAL)
            return (time.perf_counter() - start) * 1000
        finally:
            process.terminate()
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def main():
    runs, port, tmp, command = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4:]
    samples = [one_run(port, tmp, command) for _ in range(runs)]
    print(" ".join(f"{value:.1f}" for value in [statistics.median(samples), *samples]))


main()
