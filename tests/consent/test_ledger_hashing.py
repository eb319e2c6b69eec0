"""Known answers for the ledger's hashing (E1, E5).

Every stored chain, checkpoint and receipt depends on these exact bytes. A
change to the canonical payload, the chaining or the Merkle tree, even an
innocent-looking one (a renamed key, another time format), would make every
existing record in production fail verification: these tests fail first.
"""

import uuid
from datetime import UTC, datetime

import pytest

from consent import verify_receipt as hashing
from consent.models import ConsentRecord


@pytest.fixture
def record():
    return ConsentRecord(
        id=uuid.UUID("6f1c2b7e-8a44-4c1e-9b5d-2f0a7c3e9d11"),
        sequence=2,
        subject_id=uuid.UUID("0b9e4d3a-5c6f-4e21-8d7a-1a2b3c4d5e6f"),
        purpose="profiling",
        decision="granted",
        notice_version_id=7,
        notice_sha256="ab" * 32,
        language="zh-hans",
        surface="privacy_centre",
        created_at=datetime(2026, 11, 29, 6, 30, 15, 123456, tzinfo=UTC),
        ip_truncated="203.0.113.0/24",
        user_agent="Mozilla/5.0 测试",
        prev_hash="cd" * 32,
    )


def test_the_canonical_payload_is_exactly_these_bytes(record):
    assert record.canonical_payload() == (
        b'{"created_at":"2026-11-29T06:30:15.123456+00:00","decision":"granted",'
        b'"id":"6f1c2b7e-8a44-4c1e-9b5d-2f0a7c3e9d11","ip_truncated":"203.0.113.0/24","language":"zh-hans",'
        b'"notice_sha256":"abababababababababababababababababababababababababababababababab",'
        b'"notice_version_id":7,"purpose":"profiling","sequence":2,'
        b'"subject_id":"0b9e4d3a-5c6f-4e21-8d7a-1a2b3c4d5e6f","surface":"privacy_centre",'
        b'"user_agent":"Mozilla/5.0 \xe6\xb5\x8b\xe8\xaf\x95"}'
    )


def test_the_content_and_record_hashes_are_exactly_these(record):
    assert record.content_hash() == "79d1e3336910e112b915d3ce205d830f096a3be3f749d758beff2e27b6262a90"
    assert record.compute_hash() == "43cb1d5dea4f96013d66819406684ae63565e95a37a7714aae9ba4eca8adc5de"


def test_the_genesis_of_a_subjects_chain_is_exactly_this(record):
    assert hashing.genesis_hash(record.subject_id) == (
        "7e0a3f0c39e2f0577d1d8bc221bb37472afc846c68a4c99dd8c591e54250913c"
    )


def test_a_checkpoint_leaf_is_exactly_these_bytes():
    assert (
        hashing.leaf_bytes(subject_id="x", length=1, head="00")
        == b'{"head":"00","length":1,"subject_id":"x"}'
    )


# The reference tree of RFC 6962 as the Certificate Transparency project's
# tests use it: eight leaves and the root after each.
CT_LEAVES = [
    b"",
    b"\x00",
    b"\x10",
    b"\x20\x21",
    b"\x30\x31",
    b"\x40\x41\x42\x43",
    bytes(range(0x50, 0x58)),
    bytes(range(0x60, 0x70)),
]
CT_ROOTS = [
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
]


def test_the_merkle_tree_matches_the_rfc_6962_reference_roots():
    leaves = [hashing.merkle_leaf_hash(data) for data in CT_LEAVES]

    assert hashing.merkle_root([]).hex() == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    assert [hashing.merkle_root(leaves[:size]).hex() for size in range(1, 9)] == CT_ROOTS


def test_the_inclusion_proof_matches_the_rfc_6962_reference_path():
    leaves = [hashing.merkle_leaf_hash(data) for data in CT_LEAVES]

    assert [node.hex() for node in hashing.merkle_inclusion_proof(leaves, 0)] == [
        "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
        "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
    ]


@pytest.mark.parametrize("size", [1, 2, 3, 5, 8, 13, 33])
def test_every_leaf_proves_its_inclusion_and_only_at_its_place(size):
    leaves = [hashing.merkle_leaf_hash(bytes([index])) for index in range(size)]
    root = hashing.merkle_root(leaves)

    for index, leaf in enumerate(leaves):
        proof = hashing.merkle_inclusion_proof(leaves, index)
        assert hashing.merkle_verify_inclusion(leaf_hash=leaf, index=index, size=size, proof=proof, root=root)
        if size > 1:
            other = (index + 1) % size
            assert not hashing.merkle_verify_inclusion(
                leaf_hash=leaf, index=other, size=size, proof=proof, root=root
            )
