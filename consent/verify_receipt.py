"""Check a consent receipt offline: `python verify_receipt.py receipt.json` (REQUIREMENTS E5).

This file is self-contained on purpose: it needs only the Python standard
library and `cryptography` (for Ed25519), so a person, their lawyer or a
regulator can copy it anywhere and check a receipt without the service that
issued it. It proves four things, each by recomputing a hash:

1. the decision in the receipt is the record whose hash the receipt names
   (the record's canonical fields, hashed with the record before it);
2. that record is part of its subject's chain up to the chain's head at a
   checkpoint (the hashes of the later records of the same chain);
3. that head is one leaf of the checkpoint's Merkle tree over every chain's
   head (an RFC 9162 inclusion proof);
4. the checkpoint was signed by the key whose fingerprint the receipt names
   (Ed25519). Pass `--fingerprint HEX` with the fingerprint the operator
   publishes to check that it is their key and not one made up by a forger.

The same functions compute the hashes on the server (`consent.ledger`), so
the server and this checker cannot silently disagree; a fixed known-answer
test pins the formats.

Exit status: 0 verified, 1 not verified (the reason is printed), 2 unusable input.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Sequence

RECEIPT_FORMAT = "consent-ledger-receipt/1"
CHECKPOINT_FORMAT = "consent-ledger-checkpoint/1"
_RECORD_PREFIX = b"consent-ledger/record/1\x00"
_GENESIS_PREFIX = b"consent-ledger/genesis/1\x00"


def canonical_json(value) -> bytes:
    """The one serialization every hash and signature here is computed over."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def genesis_hash(subject_id: str) -> str:
    """What the first record of a subject's chain links to: unique per subject."""
    return sha256_hex(_GENESIS_PREFIX + str(subject_id).encode("ascii"))


def chain_step(prev_hash: str, content_hash: str) -> str:
    """A record's hash: its content's hash bound to the hash of the record before it."""
    return sha256_hex(_RECORD_PREFIX + bytes.fromhex(prev_hash) + bytes.fromhex(content_hash))


def leaf_bytes(*, subject_id: str, length: int, head: str) -> bytes:
    """One chain as a checkpoint commits to it: whose, how long, and its newest hash."""
    return canonical_json({"head": head, "length": length, "subject_id": str(subject_id)})


# --- Merkle tree (RFC 9162, section 2.1) ---------------------------------------------


def merkle_leaf_hash(data: bytes) -> bytes:
    return hashlib.sha256(b"\x00" + data).digest()


def _node_hash(left: bytes, right: bytes) -> bytes:
    return hashlib.sha256(b"\x01" + left + right).digest()


def _split(size: int) -> int:
    """The largest power of two smaller than size."""
    k = 1
    while k * 2 < size:
        k *= 2
    return k


def merkle_root(leaf_hashes: Sequence[bytes]) -> bytes:
    if not leaf_hashes:
        return hashlib.sha256(b"").digest()
    # Bottom-up, level by level: the same tree as the recursive definition
    # (an odd node is carried up unchanged), without deep recursion.
    level = list(leaf_hashes)
    while len(level) > 1:
        paired = [_node_hash(level[i], level[i + 1]) for i in range(0, len(level) - 1, 2)]
        if len(level) % 2:
            paired.append(level[-1])
        level = paired
    return level[0]


def merkle_inclusion_proof(leaf_hashes: Sequence[bytes], index: int) -> list[bytes]:
    """PATH(index, D[n]) of RFC 9162 2.1.3.1: the sibling hashes from the leaf up."""
    if len(leaf_hashes) <= 1:
        return []
    k = _split(len(leaf_hashes))
    if index < k:
        return [*merkle_inclusion_proof(leaf_hashes[:k], index), merkle_root(leaf_hashes[k:])]
    return [*merkle_inclusion_proof(leaf_hashes[k:], index - k), merkle_root(leaf_hashes[:k])]


def merkle_verify_inclusion(
    *, leaf_hash: bytes, index: int, size: int, proof: Sequence[bytes], root: bytes
) -> bool:
    """RFC 9162 2.1.3.2: recompute the root from a leaf and its path."""
    if index >= size:
        return False
    fn, sn, r = index, size - 1, leaf_hash
    for p in proof:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            r = _node_hash(p, r)
            while not fn & 1 and fn != 0:
                fn >>= 1
                sn >>= 1
        else:
            r = _node_hash(r, p)
        fn >>= 1
        sn >>= 1
    return sn == 0 and r == root


# --- Checkpoint signatures -----------------------------------------------------------


def key_fingerprint(public_key_hex: str) -> str:
    """SHA-256 of the raw 32-byte Ed25519 public key, in hex."""
    return sha256_hex(bytes.fromhex(public_key_hex))


def signature_is_valid(*, statement: dict, signature_hex: str, public_key_hex: str) -> bool:
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        key = Ed25519PublicKey.from_public_bytes(bytes.fromhex(public_key_hex))
        key.verify(bytes.fromhex(signature_hex), canonical_json(statement))
    except (InvalidSignature, ValueError):
        return False
    return True


# --- The receipt ---------------------------------------------------------------------


class NotVerified(Exception):
    """The receipt does not prove what it claims; the message says which step failed."""


def verify_receipt(receipt: dict, *, expected_fingerprint: str | None = None) -> str:
    """Check every step; return a one-line summary or raise NotVerified."""
    proof = receipt.get("ledgerProof")
    if not isinstance(proof, dict) or proof.get("format") != RECEIPT_FORMAT:
        raise NotVerified(f"no {RECEIPT_FORMAT} proof in this receipt")
    record = proof["record"]
    # 1. The receipt's own words are the record's.
    for receipt_key, record_key in (
        ("consentReceiptID", "id"),
        ("piiPrincipalId", "subject_id"),
        ("decision", "decision"),
        ("noticeSha256", "notice_sha256"),
    ):
        if str(receipt.get(receipt_key)) != str(record.get(record_key)):
            raise NotVerified(f"{receipt_key} differs from the hashed record")
    if record.get("sequence") != proof["chainPosition"]:
        raise NotVerified("the chain position differs from the hashed record")
    content_hash = sha256_hex(canonical_json(record))
    if chain_step(proof["prevHash"], content_hash) != proof["recordHash"]:
        raise NotVerified("the record's hash does not match its contents")
    if proof["chainPosition"] == 1 and proof["prevHash"] != genesis_hash(record["subject_id"]):
        raise NotVerified("the first record of a chain does not start from the subject's genesis")
    checkpoint = proof.get("checkpoint")
    if not checkpoint:
        raise NotVerified(
            "no checkpoint covers this record yet: download the receipt again after the next checkpoint"
        )
    # 2. From the record to its chain's head at the checkpoint.
    head = proof["recordHash"]
    for later in proof["chainProof"]:
        head = chain_step(head, later)
    length = proof["chainPosition"] + len(proof["chainProof"])
    # 3. From the head to the checkpoint's root.
    statement = checkpoint["statement"]
    leaf = merkle_leaf_hash(leaf_bytes(subject_id=record["subject_id"], length=length, head=head))
    if not merkle_verify_inclusion(
        leaf_hash=leaf,
        index=proof["leafIndex"],
        size=statement["chains"],
        proof=[bytes.fromhex(p) for p in proof["inclusionProof"]],
        root=bytes.fromhex(statement["root"]),
    ):
        raise NotVerified("the record's chain is not in the checkpoint's Merkle tree")
    # 4. The checkpoint was signed by the key named.
    public_key = checkpoint["publicKey"]
    fingerprint = key_fingerprint(public_key)
    if fingerprint != checkpoint["keyFingerprint"] or fingerprint != statement["key_fingerprint"]:
        raise NotVerified("the public key does not have the fingerprint the receipt names")
    if expected_fingerprint and fingerprint != expected_fingerprint.strip().lower():
        raise NotVerified("the checkpoint was signed by another key than the one you expected")
    if not signature_is_valid(
        statement=statement, signature_hex=checkpoint["signature"], public_key_hex=public_key
    ):
        raise NotVerified("the checkpoint's signature is not valid")
    return (
        f"Verified: record {record['id']} is position {proof['chainPosition']} of its chain and is in "
        f"checkpoint {statement['number']} ({statement['cutoff']}), signed by key {fingerprint}."
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check a consent receipt offline.")
    parser.add_argument("receipt", help="the receipt JSON file")
    parser.add_argument("--fingerprint", help="the signing key fingerprint the operator publishes")
    args = parser.parse_args(argv)
    try:
        with open(args.receipt, encoding="utf-8") as handle:
            receipt = json.load(handle)
    except (OSError, ValueError) as error:
        print(f"Cannot read {args.receipt}: {error}", file=sys.stderr)
        return 2
    try:
        print(verify_receipt(receipt, expected_fingerprint=args.fingerprint))
    except NotVerified as error:
        print(f"NOT verified: {error}.", file=sys.stderr)
        return 1
    except (KeyError, TypeError, ValueError) as error:
        print(f"NOT verified: the receipt is incomplete or malformed ({error!r}).", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
