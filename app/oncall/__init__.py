"""Who is on call behind the volunteers: a professional per location and time window, and a
psychiatrist as backstop (one may cover every location). The escalation path builds on it."""
