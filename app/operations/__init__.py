"""Endpoints for operators and load balancers: is the process alive, can it serve."""
