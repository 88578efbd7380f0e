"""Peak memory of a process and every process it starts, sampled while it runs.

A load's extraction runs in worker processes forked from the loading process, so the
loading process's own max RSS (``getrusage``) leaves the workers out, and adding the
largest worker's max RSS to it counts the pages they share twice (a forked worker
starts with every page of its parent, shared until written). This samples the whole
tree a few times a second from ``/proc`` (Linux) and keeps the largest sums of:

* **PSS** (proportional set size, ``/proc/<pid>/smaps_rollup``): each shared page
  counted once in total, split between the processes sharing it, so the sum over the
  tree is the memory the tree takes from the machine. This is the figure to hold
  against a target.
* **RSS**: each process's resident pages, shared ones counted in every process that
  maps them (an upper bound).

A sample is a moment: a peak shorter than the interval can fall between two. The
loading process's own ``getrusage`` max RSS is exact, and is printed beside it.
"""

from __future__ import annotations

import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

INTERVAL_SECONDS = 0.2


@dataclass
class TreePeak:
    """The largest sums seen over the tree, in bytes, and the most processes at once."""

    pss: int = 0
    rss: int = 0
    processes: int = 0
    samples: int = 0
    by_process_at_peak: list[tuple[int, int]] = field(default_factory=list)  # (pid, pss)


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(child) for child in (task / "children").read_text().split()]
        except OSError:
            pass
    return found


def _tree(root: int) -> list[int]:
    pids, queue = [], [root]
    while queue:
        pid = queue.pop()
        pids.append(pid)
        queue += _children(pid)
    return pids


def _rollup(pid: int) -> tuple[int, int]:
    """(PSS, RSS) of one process in bytes; (0, 0) once it is gone."""
    pss = rss = 0
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                pss = int(line.split()[1]) * 1024
            elif line.startswith("Rss:"):
                rss = int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return pss, rss


def sample_tree(root: int, peak: TreePeak) -> None:
    """One sample of the tree under ``root``, kept in ``peak`` where it is larger."""
    figures = [(pid, *_rollup(pid)) for pid in _tree(root)]
    pss = sum(f[1] for f in figures)
    rss = sum(f[2] for f in figures)
    peak.samples += 1
    peak.processes = max(peak.processes, len(figures))
    peak.rss = max(peak.rss, rss)
    if pss > peak.pss:
        peak.pss = pss
        peak.by_process_at_peak = [(pid, p) for pid, p, _ in figures]


def run_sampled(command: list[str], **popen) -> tuple[subprocess.CompletedProcess, TreePeak]:
    """Run ``command`` to its end (``check=True``, output captured as text), sampling
    its process tree every ``INTERVAL_SECONDS``."""
    peak = TreePeak()
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **popen
    )
    done = threading.Event()

    def sampler() -> None:
        while not done.is_set():
            sample_tree(process.pid, peak)
            done.wait(INTERVAL_SECONDS)

    thread = threading.Thread(target=sampler, daemon=True)
    thread.start()
    try:
        stdout, stderr = process.communicate()
    finally:
        done.set()
        thread.join()
    if process.returncode:
        raise subprocess.CalledProcessError(process.returncode, command, stdout, stderr)
    return subprocess.CompletedProcess(command, process.returncode, stdout, stderr), peak


def _self_test() -> None:  # pragma: no cover - a manual check
    start = time.perf_counter()
    _, peak = run_sampled(["python3", "-c", 'x = b"x" * (200 * 2**20); import time; time.sleep(1)'])
    print(
        f"{peak.pss / 2**20:.0f} MiB PSS, {peak.rss / 2**20:.0f} MiB RSS, "
        f"{peak.samples} samples in {time.perf_counter() - start:.1f} s"
    )


if __name__ == "__main__":
    _self_test()
