"""The file cache that one server's workers share: its counters and `add` hold across processes."""

import glob
import multiprocessing
import os
import time

import pytest

from newsroom.cache import FileCache


def cache_in(path):
    return FileCache(str(path), {})


def count_up(path, times):
    cache = cache_in(path)
    for _ in range(times):
        cache.incr("generation")


def try_to_add(path, name, results):
    cache = cache_in(path)
    results.put([n for n in range(LOCKS) if cache.add(f"lock-{n}", name, 60)])


LOCKS = 200


@pytest.fixture
def fork():
    return multiprocessing.get_context("fork")


def test_four_workers_counting_at_once_lose_no_count(tmp_path, fork):
    cache_in(tmp_path).set("generation", 0, None)
    workers = [fork.Process(target=count_up, args=(tmp_path, 150)) for _ in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
    assert cache_in(tmp_path).get("generation") == 600


def test_only_one_of_several_workers_takes_each_lock(tmp_path, fork):
    results = fork.Queue()
    workers = [fork.Process(target=try_to_add, args=(tmp_path, n, results)) for n in range(4)]
    for worker in workers:
        worker.start()
    taken = [n for _ in workers for n in results.get(timeout=60)]
    for worker in workers:
        worker.join(60)
    assert sorted(taken) == list(range(LOCKS))  # each lock once: nobody rendered a page another was rendering


def test_a_count_keeps_its_window_and_a_missing_one_is_missing(tmp_path):
    cache = cache_in(tmp_path)
    cache.add("posts", 0, 1)
    assert cache.incr("posts") == 1 and cache.incr("posts", 2) == 3
    time.sleep(1.1)
    assert cache.get("posts") is None  # counting did not move the window on
    with pytest.raises(ValueError, match="not found"):
        cache.incr("posts")
    cache.set("forever", 5, None)
    assert cache.incr("forever") == 6
    cache.clear()
    assert cache.get("forever") is None


def test_a_full_cache_makes_room_and_stays_within_its_limit(tmp_path):
    cache = FileCache(str(tmp_path), {"OPTIONS": {"MAX_ENTRIES": 40}})
    for n in range(500):
        cache.set(f"page-{n}", "<html>", 60)
        assert len(list(tmp_path.glob("*.djcache"))) <= 40
    assert cache.get("page-499") == "<html>"  # the newest entry is kept


def test_writes_do_not_list_the_whole_directory_each_time(tmp_path, monkeypatch):
    """Django's file cache counts every entry before each write: a comment's five writes, as the cache fills."""
    cache = FileCache(str(tmp_path), {"OPTIONS": {"MAX_ENTRIES": 10_000}})
    listings = []
    real_scandir = os.scandir
    monkeypatch.setattr(os, "scandir", lambda path: listings.append(path) or real_scandir(path))
    monkeypatch.setattr(glob, "glob", lambda *args, **kwargs: listings.append(args) or [])
    for n in range(1_000):
        cache.set(f"page-{n}", "<html>", 60)
    assert len(listings) <= 2
