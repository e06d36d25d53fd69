"""Privacy by design: what the service keeps and for how long (retention), what it hands a
person about themselves (export), and what is left when they go (erasure)."""
