"""The change stream every conversation runs on: positions, cursors, typed changes, sync."""
