"""Rooms: themed community rooms now, private 1:1 chats and staff threads later."""
