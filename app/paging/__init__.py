"""Paging the people on call, behind one interface (as Netflix Dispatch does): an in-memory
fake for tests and a signed webhook for whatever the foundation uses to reach phones."""
