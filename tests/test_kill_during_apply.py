"""Killing the process that applies a change (SIGKILL, at random moments, fifty times in a
row) leaves every table either the old or the new version, the data valid and the history
readable; start-up then removes the temporary files a kill left."""

from __future__ import annotations

import os
import random
import shutil
import signal
import time

from conftest import FIXTURE

from aimap import datastore, schema
from aimap.load import load_dataset

KILLS = 50
TABLE = "budgets"
#: How far past one (warm, in-process) apply the kills reach, in applies.
SWEEP = 3


def _apply_in_a_child(folder, content: bytes) -> int:
    """Fork a process (it shares the warm imports and caches, as a server's session does)
    that applies `content` and exits; returns its pid."""
    pid = os.fork()
    if pid == 0:
        try:
            datastore.apply(folder, TABLE, content, reason="kill test")
        finally:
            os._exit(0)
    return pid


def test_a_kill_at_any_moment_of_an_apply_leaves_the_old_or_the_new_table(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(FIXTURE, folder)
    first = datastore.current(folder, TABLE)
    on_disk, other = first, first.replace(b"Alpha total", b"Alpha total (edited)")
    datastore.apply(folder, TABLE, first)  # warms the caches
    started = time.perf_counter()
    datastore.apply(folder, TABLE, other)  # measures one apply of a change, as the kills get
    duration = time.perf_counter() - started
    datastore.apply(folder, TABLE, first)
    seed = random.randrange(1_000_000)
    rng = random.Random(seed)
    # The kills sweep the whole apply (checks, then three short writes) and after it: a forked
    # child's apply takes longer than the parent's warm one, the more so on a busy machine
    moments = [SWEEP * duration * (k + rng.random()) / KILLS for k in range(KILLS)]
    rng.shuffle(moments)
    outcomes = {"old": 0, "new": 0, "temporary files left": 0}
    for kill, moment in enumerate(moments):
        pid = _apply_in_a_child(folder, other)
        time.sleep(moment)  # when the kill lands is the test's input, not a wait
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        now = datastore.current(folder, TABLE)
        assert now in (on_disk, other), f"kill {kill} (seed {seed}) left a mixed table"
        outcomes["new" if now == other else "old"] += 1
        if now == other:  # the next apply goes back
            on_disk, other = other, on_disk
        load_dataset(folder)  # every table valid after every kill
        datastore.applied(folder)  # the history log still reads
        outcomes["temporary files left"] += len(datastore.remove_leftovers(folder))
        for spec in schema.TABLES:
            assert (folder / spec.file).is_file()
    print(f"{KILLS} kills (seed {seed}, one apply {duration * 1000:.0f} ms): {outcomes}")
    assert outcomes["old"] and outcomes["new"], "the kills did not land across the apply"
    assert not list(folder.rglob("*.tmp"))
