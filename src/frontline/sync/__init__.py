"""Signed snapshots and deltas (server side) and the offline node (client side).

Server: ``signing`` (the Ed25519 key), ``feed`` (snapshot and delta files from the change
feed, compaction), ``uploads`` (offline checks arriving, idempotently). Node: ``sealing``
(the at-rest key and AES-GCM), ``node`` (its folder and state), ``client`` (downloads that
resume, verification, apply), ``queue`` (the durable upload queue).
"""
