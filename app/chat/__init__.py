"""1:1 chats with peer volunteers: a young person asks, waits in a queue ordered by need and
arrival, and a volunteer on shift takes the chat; the conversation is a private ``chat`` room
on the same offline-first protocol as every other conversation."""
