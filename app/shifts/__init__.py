"""Volunteer shifts: coordinators publish them, volunteers sign up, check in and out within the
shift's window; each volunteer takes a limited number of chats at once."""
