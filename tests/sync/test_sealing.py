"""The node's at-rest encryption: sealed values and files open only whole, with the key."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from frontline.errors import AuthenticationFailed, StorageFailed
from frontline.sync.sealing import NodeKey, derive_key, key_from_text, new_salt


def test_a_sealed_file_opens_whole_with_its_key_and_not_otherwise(tmp_path: Path) -> None:
    key = NodeKey(os.urandom(32))
    path = tmp_path / "copy.sealed"
    data = os.urandom((1 << 20) * 2 + 123)  # three chunks
    key.write_file(path, [data[:1000], data[1000:]])
    assert data not in path.read_bytes()
    assert b"".join(key.read_file(path)) == data

    with pytest.raises(StorageFailed, match="does not open"):
        list(NodeKey(os.urandom(32)).read_file(path))
    renamed = tmp_path / "other.sealed"
    renamed.write_bytes(path.read_bytes())  # a chunk is bound to its file's name
    with pytest.raises(StorageFailed):
        list(key.read_file(renamed))
    cut = tmp_path / "cut.sealed"
    key.write_file(cut, [data])
    cut.write_bytes(cut.read_bytes()[: (1 << 20) + 32])  # the last chunks cut off
    with pytest.raises(StorageFailed, match=r"cut short|does not open"):
        list(key.read_file(cut))


def test_a_passphrase_derives_the_same_key_with_its_salt_and_a_wrong_one_is_refused() -> None:
    salt = new_salt()
    key = NodeKey(derive_key("a long passphrase", salt))
    check = key.key_check()
    NodeKey(derive_key("a long passphrase", salt)).verify_check(check)
    with pytest.raises(AuthenticationFailed, match="wrong node passphrase"):
        NodeKey(derive_key("another passphrase", salt)).verify_check(check)
    with pytest.raises(AuthenticationFailed, match="8 characters"):
        derive_key("short", salt)
    with pytest.raises(AuthenticationFailed, match="32 bytes"):
        key_from_text("bm90IGEga2V5")


def test_a_sealed_value_is_bound_to_its_label() -> None:
    key = NodeKey(os.urandom(32))
    sealed = key.seal(b"token", label="token")
    assert key.open(sealed, label="token") == b"token"
    with pytest.raises(AuthenticationFailed):
        key.open(sealed, label="queue")
