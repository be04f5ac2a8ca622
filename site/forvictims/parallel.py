"""Work shared among processes, one for each processor: the build's pages, the checks' files.

Each share is a function called in a process forked from this one, so it finds everything this
process has loaded as it is, without copying it over; only what it returns comes back. Where
there is no fork (Windows) or only one processor, or the work is too small to be worth a
process, the shares run here, one after another: the result is the same either way.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from typing import Callable, Generic, Iterator, TypeVar

T = TypeVar("T")

WORTH_A_PROCESS = 400  # pages or files: below this, starting a process costs more than it saves

_SHARES: list[Callable[[], object]] | None = None  # handed to the forked processes


def processors() -> int:
    """How many processors this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def ways(items: int) -> int:
    """How many shares to split `items` pages or files into."""
    if items < WORTH_A_PROCESS or not _can_fork():
        return 1
    return max(1, min(processors(), items // (WORTH_A_PROCESS // 2)))


def run(shares: list[Callable[[], T]]) -> list[T]:
    """What each of `shares` returns, in order: the first here, the others in processes of
    their own at the same time."""
    if len(shares) <= 1 or not _can_fork():
        return [share() for share in shares]
    global _SHARES
    _SHARES = shares
    gc.freeze()  # what is loaded stays where it is, so the processes share its memory pages
    try:
        with ProcessPoolExecutor(len(shares) - 1, mp_context=multiprocessing.get_context("fork")) as pool:
            others = [pool.submit(_run, number) for number in range(1, len(shares))]
            results = [shares[0]()]
            return results + [other.result() for other in others]
    finally:
        _SHARES = None
        gc.unfreeze()


def _can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def _run(number: int):
    return _SHARES[number]()


class Pile(Generic[T]):
    """Work that processes take from, an item at a time, whichever is free first: so each
    ends at about the same time, however long each item takes and however busy the machine.
    Make it before the processes start (run), so that they share it."""

    def __init__(self, items: list[T]):
        self.items = items
        context = multiprocessing.get_context("fork" if _can_fork() else None)
        self._taken = context.Value("q", 0)
        self._stopped = context.Value("b", 0, lock=False)

    def stop(self) -> None:
        """Say, to every process, that the work is to be given up (see `stopped`)."""
        self._stopped.value = 1

    @property
    def stopped(self) -> bool:
        """Whether a process has said the work is to be given up: the items are still handed
        out, for what must be done even then."""
        return bool(self._stopped.value)

    def __iter__(self) -> Iterator[T]:
        """The items this process takes, until none is left."""
        while True:
            with self._taken.get_lock():
                number = self._taken.value
                self._taken.value = number + 1
            if number >= len(self.items):
                return
            yield self.items[number]
