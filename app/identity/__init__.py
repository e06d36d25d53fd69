"""Who someone is: anonymous members, staff with real display names, their device sessions."""
