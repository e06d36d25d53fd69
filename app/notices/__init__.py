"""Private notices: what the service tells one person, on all their devices, through sync."""
