"""Uploaded exports do not stay on disk: folders are removed at session end and, when a killed
server left them, at the next start once a day old."""

import gc
import os
import time

from loyalty.reading.uploads import PREFIX, WORK_PREFIX, UploadFolder, remove_stale

DAY = 24 * 3600


def _folder(root, name: str, age: float, now: float) -> str:
    path = root / name
    path.mkdir()
    (path / "export.csv").write_text("customer_id,date,amount\nC1,2026-01-02,10\n")
    for p in (path / "export.csv", path):
        os.utime(p, (now - age, now - age))
    return str(path)


def test_stale_upload_folders_are_removed_and_fresh_ones_kept(tmp_path):
    now = time.time()
    old = _folder(tmp_path, PREFIX + "old", DAY + 60, now)
    fresh = _folder(tmp_path, PREFIX + "fresh", DAY - 60, now)
    other = _folder(tmp_path, "someone-else", 3 * DAY, now)
    assert remove_stale(str(tmp_path), now=now) == [old]
    assert not os.path.exists(old)
    assert os.path.isdir(fresh) and os.path.isdir(other)


def test_a_recent_file_keeps_an_old_folder(tmp_path):
    # The folder itself is two days old, but a file in it was written an hour ago: a session
    # is still using it.
    now = time.time()
    path = _folder(tmp_path, PREFIX + "busy", 2 * DAY, now)
    recent = os.path.join(path, "new.csv")
    with open(recent, "w") as fh:
        fh.write("x")
    os.utime(recent, (now - 3600, now - 3600))
    os.utime(path, (now - 2 * DAY, now - 2 * DAY))
    assert remove_stale(str(tmp_path), now=now) == []
    assert os.path.isdir(path)


def test_a_link_named_like_an_upload_folder_is_not_followed(tmp_path):
    now = time.time()
    target = _folder(tmp_path, "precious", 3 * DAY, now)
    os.symlink(target, tmp_path / (PREFIX + "link"))
    assert remove_stale(str(tmp_path), now=now) == []
    assert os.path.exists(os.path.join(target, "export.csv"))


def test_folder_goes_when_the_session_drops_it(tmp_path):
    folder = UploadFolder(str(tmp_path))
    path = folder.path
    with open(os.path.join(path, "export.csv"), "w") as fh:
        fh.write("customer_id\n")
    assert os.path.basename(path).startswith(PREFIX)
    del folder
    gc.collect()
    assert not os.path.exists(path)


def test_stale_engine_work_folders_are_removed_by_their_own_prefix(tmp_path):
    now = time.time()
    work = _folder(tmp_path, WORK_PREFIX + "old", DAY + 60, now)
    upload = _folder(tmp_path, PREFIX + "old", DAY + 60, now)
    assert remove_stale(str(tmp_path), now=now, prefix=WORK_PREFIX) == [work]
    assert os.path.isdir(upload)
