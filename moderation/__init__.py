"""Moderation of the peer-run community rooms (the "free space").

A package of its own, beside ``app``: it keeps to its own models, policy and services and does
not reach into the internals of ``app`` domains. Its pure parts (risk-signal detection,
contact-detail detection, flag scoring, the free-space guard) are plain functions without a
database. It is filled by the moderation issue; until then it holds only this promise.
"""
