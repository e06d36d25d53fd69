"""Vrije Ruimte: the backend of an anonymous, label-free peer-support e-community.

This package must stay importable with nothing but the standard library, because
``python3 -m app`` imports it before the virtual environment exists.
"""
