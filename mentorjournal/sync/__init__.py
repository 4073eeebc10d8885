"""Sync between the mentor's own computers through a folder another program keeps in step.

The database never leaves the computer. Each device writes only its own immutable, encrypted
segment files; every device reads everyone's and merges them (docs/sync.md). This package is
the part without SQL: the hybrid logical clock, the segment format and its cryptography, the
folder layout and its safe reading and writing, and the join envelope.
"""
