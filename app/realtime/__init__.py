"""Live delivery: the WebSocket, the per-instance hub, and fan-out between instances."""
