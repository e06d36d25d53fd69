"""Messages and the offline-first operations on them: send, edit, delete, read."""
